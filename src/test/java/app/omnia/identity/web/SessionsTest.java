package app.omnia.identity.web;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.domain.Totp;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.WebPages;

import static org.assertj.core.api.Assertions.assertThat;

/** Web sign-in and the ways sessions and tokens end. */
@IntegrationTest
class SessionsTest {

    @LocalServerPort
    int port;

    Api api;
    User user;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        user = TestAccounts.newUser(api, "read write");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        Api.Response wrongPassword = WebPages.signIn(api.stranger(), user.username(), "not the password", null);
        Api.Response unknown = WebPages.signIn(api.stranger(), "nobody_" + user.username(), "not the password", null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(wrongPassword.status());
        assertThat(errorText(unknown)).isEqualTo(errorText(wrongPassword)).isEqualTo("Invalid login or password");
    }

    @Test
    void signingInSetsAnHttpOnlySessionCookieThatServesTheApi() {
        Api browser = api.stranger();
        Api.Response signedIn = WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("omnia_session=")
                && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
        assertThat(browser.get("/api/v1/accounts/verify_credentials").json().get("id").asString()).isEqualTo(user.id());
    }

    @Test
    void aSignedInBrowserCostsNoMoreStatementsPerRequestThanAToken() {
        Api browser = api.stranger();
        WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);
        Api app = api.withToken(user.token());
        String path = "/api/v1/accounts/verify_credentials";
        SqlStatements.countGet(browser, path);
        SqlStatements.countGet(app, path);

        int byCookie = SqlStatements.countGet(browser, path);
        String cookieStatements = SqlStatements.lastStatements();

        // The session and its account come from the credential cache, as a token and its account do.
        assertThat(byCookie).as(cookieStatements).isEqualTo(SqlStatements.countGet(app, path));
    }

    @Test
    void aCookieAuthenticatedWriteNeedsTheCsrfToken() {
        Api browser = api.stranger();
        WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);

        Api.Response forged = browser.patchForm("/api/v1/accounts/update_credentials", Api.form("note", "pwned"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/" + user.id()).json().get("note").asString()).isEmpty();
    }

    @Test
    void failedSignInsLockTheAccountForAWhileEvenWithTheRightPassword() {
        for (int i = 0; i < 10; i++) {
            assertThat(WebPages.signIn(api.stranger(), user.username(), "wrong " + i, null).status()).isEqualTo(401);
        }
        Api.Response locked = WebPages.signIn(api.stranger(), user.username(), TestAccounts.PASSWORD, null);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
    }

    @Test
    void signingOutEndsEverySessionAndToken() {
        Api laptop = api.stranger();
        Api phone = api.stranger();
        WebPages.signIn(laptop, user.username(), TestAccounts.PASSWORD, null);
        WebPages.signIn(phone, user.username(), TestAccounts.PASSWORD, null);
        // Both sessions are now in the credential cache: signing out must evict them, not wait for it to expire.
        assertThat(phone.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(laptop.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        Api.Response out = laptop.postForm("/auth/sign_out", WebPages.hiddenFields(laptop.get("/").body()));

        assertThat(out.status()).isEqualTo(302);
        assertThat(phone.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(api.withToken(user.token()).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsEveryTokenAndTheNewPasswordWorks() {
        Api.Response changed = api.withToken(user.token()).postForm("/api/omnia/v1/account/password",
                Api.form("current_password", TestAccounts.PASSWORD, "password", "a brand new passphrase"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.withToken(user.token()).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(WebPages.signIn(api.stranger(), user.username(), TestAccounts.PASSWORD, null).status())
                .isEqualTo(401);
        assertThat(WebPages.signIn(api.stranger(), user.username(), "a brand new passphrase", null).status())
                .isEqualTo(302);
    }

    @Test
    void withTwoFactorOnSignInNeedsAFreshCodeThatWorksOnce() {
        Api me = api.withToken(user.token());
        String secret = me.postForm("/api/omnia/v1/account/two_factor", Api.form()).json().get("secret").asString();
        assertThat(me.postForm("/api/omnia/v1/account/two_factor/confirm", Api.form("otp", "000000")).status())
                .isEqualTo(422);
        long step = Instant.now().getEpochSecond() / Totp.STEP_SECONDS;
        assertThat(me.postForm("/api/omnia/v1/account/two_factor/confirm",
                Api.form("otp", Totp.codeAt(secret, step - 1))).status()).isEqualTo(200);

        Api browser = api.stranger();
        Api.Response askCode = WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);
        assertThat(askCode.status()).isEqualTo(200);
        assertThat(askCode.body()).contains("otp_attempt");
        Map<String, String> form = WebPages.hiddenFields(askCode.body());

        form.put("otp_attempt", "123456".equals(Totp.codeAt(secret, step)) ? "654321" : "123456");
        assertThat(browser.postForm("/auth/sign_in/two_factor", form).status()).isEqualTo(422);
        // The code used to confirm set-up cannot be replayed; the current one works, once.
        form.put("otp_attempt", Totp.codeAt(secret, step - 1));
        assertThat(browser.postForm("/auth/sign_in/two_factor", form).status()).isEqualTo(422);
        form.put("otp_attempt", Totp.codeAt(secret, step));
        assertThat(browser.postForm("/auth/sign_in/two_factor", form).status()).isEqualTo(302);
        assertThat(browser.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(api.stranger().postForm("/auth/sign_in/two_factor", form).status()).isEqualTo(403);
    }

    private static String errorText(Api.Response page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("role=\"alert\">([^<]+)<").matcher(page.body());
        return m.find() ? m.group(1) : page.body();
    }
}
