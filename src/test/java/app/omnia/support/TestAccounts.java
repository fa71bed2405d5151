package app.omnia.support;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import app.omnia.identity.domain.Pkce;
import app.omnia.platform.crypto.Tokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Test set-up through the public API: apps, app tokens and signed-up users. */
public final class TestAccounts {

    public static final String PASSWORD = "a sufficiently long passphrase";
    public static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

    private TestAccounts() {
    }

    public record App(String clientId, String clientSecret, String id) {}

    public record User(String id, String username, String token) {}

    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    public static App registerApp(Api api, String scopes) {
        Api.Response response = api.postForm("/api/v1/apps",
                Api.form("client_name", "test app", "redirect_uris", OOB, "scopes", scopes));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        return new App(json.get("client_id").asString(), json.get("client_secret").asString(), json.get("id").asString());
    }

    public static String appToken(Api api, App app, String scope) {
        Api.Response response = api.postForm("/oauth/token", Api.form("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "scope", scope));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    /** Signs up through {@code POST /api/v1/accounts}; the token has the app's scopes. */
    public static Api.Response trySignUp(Api api, String appToken, Map<String, String> fields) {
        return api.withToken(appToken).postForm("/api/v1/accounts", fields);
    }

    public static Map<String, String> adult(String username) {
        return Api.form("username", username, "email", username + "@example.org", "password", PASSWORD,
                "agreement", "true", "locale", "en", "date_of_birth", "1990-05-17");
    }

    /**
     * A new user, signed up from its own IP, with a token holding exactly {@code scopes}: obtained, like an
     * app would, through the authorization page (sign-in, consent) and a PKCE code exchange.
     */
    public static User newUser(Api api, String scopes) {
        Api own = api.stranger();
        App signUpApp = registerApp(own, "read write");
        String username = uniqueName("u");
        Api.Response response = trySignUp(own, appToken(own, signUpApp, "write:accounts"), adult(username));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String signUpToken = response.json().get("access_token").asString();
        String id = own.withToken(signUpToken).get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        return new User(id, username, authorize(own.stranger(), username, PASSWORD, scopes));
    }

    /** The whole authorization-code flow with PKCE, driving the HTML pages as a browser would. */
    public static String authorize(Api browser, String login, String password, String scopes) {
        App app = registerApp(browser, scopes);
        String verifier = Tokens.newSecret();
        String code = WebPages.authorizationCode(browser, app, login, password, scopes, Pkce.challengeOf(verifier));
        Api.Response token = browser.postForm("/oauth/token", Api.form("grant_type", "authorization_code",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "redirect_uri", OOB, "code", code,
                "code_verifier", verifier));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().get("access_token").asString();
    }
}
