package app.omnia.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

import app.omnia.identity.domain.Pkce;
import app.omnia.platform.crypto.Tokens;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.App;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.WebPages;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth 2 endpoints as Mastodon apps use them. */
@IntegrationTest
class OAuthFlowTest {

    @LocalServerPort
    int port;

    Api api;
    User user;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        user = TestAccounts.newUser(api, "read");
    }

    @Test
    void aCodeIsBoundToItsVerifierAndWorksOnce() {
        Api browser = api.stranger();
        App app = TestAccounts.registerApp(browser, "read write");
        String verifier = Tokens.newSecret();
        String code = WebPages.authorizationCode(browser, app, user.username(), TestAccounts.PASSWORD, "read",
                Pkce.challengeOf(verifier));

        Map<String, String> exchange = Api.form("grant_type", "authorization_code", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "redirect_uri", TestAccounts.OOB, "code", code,
                "code_verifier", "wrong-" + verifier);
        assertThat(api.postForm("/oauth/token", exchange).json().get("error").asString()).isEqualTo("invalid_grant");

        // The failed attempt consumed the code: a code is single-use, whatever the outcome.
        exchange.put("code_verifier", verifier);
        Api.Response replay = api.postForm("/oauth/token", exchange);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void theTokenEndpointTakesJsonAndBasicAuthenticationAndAnswersNoStore() {
        Api browser = api.stranger();
        App app = TestAccounts.registerApp(browser, "read write");
        String verifier = Tokens.newSecret();
        String code = WebPages.authorizationCode(browser, app, user.username(), TestAccounts.PASSWORD, "read write",
                Pkce.challengeOf(verifier));
        String basic = Base64.getEncoder().encodeToString((app.clientId() + ":" + app.clientSecret())
                .getBytes(StandardCharsets.UTF_8));

        Api.Response token = api.send("POST", "/oauth/token", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of(
                        "grant_type", "authorization_code", "redirect_uri", TestAccounts.OOB, "code", code,
                        "code_verifier", verifier))),
                Map.of("Authorization", "Basic " + basic));

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.header("Cache-Control")).contains("no-store");
        JsonNode json = token.json();
        assertThat(json.get("scope").asString()).isEqualTo("read write");
        assertThat(json.get("created_at").isIntegralNumber()).isTrue();
        assertThat(api.withToken(json.get("access_token").asString()).get("/api/v1/accounts/verify_credentials")
                .json().get("username").asString()).isEqualTo(user.username());
    }

    @Test
    void denyingRedirectsWithAccessDeniedAndTheState() {
        Api browser = api.stranger();
        App app = registerWithRedirect(browser, "https://app.example/callback");
        String authorize = UriComponentsBuilder.fromPath("/oauth/authorize").queryParam("response_type", "code")
                .queryParam("client_id", app.clientId()).queryParam("redirect_uri", "https://app.example/callback")
                .queryParam("state", "xyz").build().toUriString();
        WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);
        Map<String, String> form = WebPages.hiddenFields(browser.get(authorize).body());
        form.put("decision", "deny");

        Api.Response denied = browser.postForm("/oauth/authorize", form);

        assertThat(denied.status()).isEqualTo(302);
        assertThat(denied.header("Location")).startsWith("https://app.example/callback?error=access_denied")
                .contains("state=xyz");
    }

    @Test
    void anUnregisteredRedirectUriIsNeverFollowed() {
        App app = registerWithRedirect(api, "https://app.example/callback");

        Api.Response page = api.get("/oauth/authorize?response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=https://evil.example/steal");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.body()).contains("invalid_redirect_uri");
    }

    @Test
    void onceTheClientIsKnownErrorsGoBackToItWithTheState() {
        App app = registerWithRedirect(api, "https://app.example/callback");

        Api.Response page = api.get("/oauth/authorize?response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=https://app.example/callback&scope=admin:write&state=s1");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).startsWith("https://app.example/callback?error=invalid_scope")
                .endsWith("state=s1");
    }

    @Test
    void theWebSignUpPageWorksAndSignsTheNewPersonIn() {
        Api browser = api.stranger();
        Api.Response page = browser.get("/auth/sign_up");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = WebPages.hiddenFields(page.body());
        String username = TestAccounts.uniqueName("web");
        form.putAll(Map.of("username", username, "email", username + "@example.org", "password",
                TestAccounts.PASSWORD, "date_of_birth", "2000-02-29", "country", "FR", "agreement", "true"));

        Api.Response created = browser.postForm("/auth/sign_up", form);

        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(browser.get("/api/v1/accounts/verify_credentials").json().get("username").asString())
                .isEqualTo(username);
        Api child = api.stranger();
        Map<String, String> childForm = WebPages.hiddenFields(child.get("/auth/sign_up").body());
        childForm.putAll(Map.of("username", username + "_kid", "email", "kid_" + username + "@example.org",
                "password", TestAccounts.PASSWORD, "date_of_birth", "2015-01-01", "country", "FR", "agreement", "true"));
        Api.Response young = child.postForm("/auth/sign_up", childForm);
        assertThat(young.status()).isEqualTo(422);
        assertThat(young.body()).contains("minimum age of 15");
    }

    @Test
    void clientAuthenticationAndGrantTypesAreChecked() {
        App app = TestAccounts.registerApp(api, "read");
        Api.Response wrongSecret = api.postForm("/oauth/token", Api.form("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", "nope"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");

        Api.Response password = api.postForm("/oauth/token", Api.form("grant_type", "password",
                "client_id", app.clientId(), "client_secret", app.clientSecret()));
        assertThat(password.json().get("error").asString()).isEqualTo("unsupported_grant_type");

        Api.Response tooBroad = api.postForm("/oauth/token", Api.form("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "scope", "write"));
        assertThat(tooBroad.json().get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void revokingEndsATokenAndAnotherAppCannotRevokeIt() {
        App app = TestAccounts.registerApp(api, "read");
        App other = TestAccounts.registerApp(api, "read");
        String token = TestAccounts.appToken(api, app, "read");

        Api.Response foreign = api.postForm("/oauth/revoke", Api.form("client_id", other.clientId(),
                "client_secret", other.clientSecret(), "token", token));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(api.withToken(token).get("/api/v1/apps/verify_credentials").status()).isEqualTo(200);

        Api.Response revoked = api.postForm("/oauth/revoke", Api.form("client_id", app.clientId(),
                "client_secret", app.clientSecret(), "token", token));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo("{}");
        assertThat(api.withToken(token).get("/api/v1/apps/verify_credentials").status()).isEqualTo(401);
    }

    @Test
    void theMetadataDocumentDescribesTheEndpoints() {
        JsonNode metadata = api.get("/.well-known/oauth-authorization-server").json();

        assertThat(metadata.get("issuer").asString()).endsWith("/");
        assertThat(metadata.get("token_endpoint").asString()).endsWith("/oauth/token");
        assertThat(metadata.get("app_registration_endpoint").asString()).endsWith("/api/v1/apps");
        assertThat(metadata.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(metadata.get("scopes_supported").toString()).contains("\"read:accounts\"", "\"profile\"");
    }

    @Test
    void appRegistrationValidatesEachField() {
        Api.Response response = api.postJson("/api/v1/apps", Map.of("client_name", "", "redirect_uris",
                java.util.List.of("javascript:alert(1)"), "scopes", "read rule:world", "website", "not a url"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("details").propertyNames())
                .containsExactlyInAnyOrder("client_name", "redirect_uris", "scopes", "website");
    }

    private static App registerWithRedirect(Api api, String redirect) {
        JsonNode json = api.postForm("/api/v1/apps", Api.form("client_name", "web app", "redirect_uris", redirect,
                "scopes", "read")).json();
        return new App(json.get("client_id").asString(), json.get("client_secret").asString(),
                json.get("id").asString());
    }
}
