package app.omnia.webclient;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.WebPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server does for the web client: the page shell at every app address, the message bundles, the
 * language choice, and cookie-authenticated API writes with the double-submit CSRF token.
 */
@IntegrationTest
class WebClientPagesTest {

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
    void everyAppAddressAnswersTheShell() {
        for (String path : new String[] {"/", "/public", "/public/local", "/notifications", "/search", "/bookmarks",
                "/settings", "/settings/security", "/settings/filters", "/tags/java", "/@" + user.username(),
                "/@" + user.username() + "/followers", "/@" + user.username() + "/123", "/statuses/123", "/wallet",
                "/wallet/history", "/moderation", "/moderation/appeals", "/moderation/reports/123", "/safety",
                "/safety/reports", "/chat", "/chat/requests", "/chat/archived", "/chat/new", "/chat/123",
                "/chat/123/info"}) {
            Api.Response page = api.stranger().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
        }
        assertThat(api.stranger().get("/app/main.js").status()).isEqualTo(200);
    }

    @Test
    void theClientsFilesAreKeptByTheBrowserAndRevalidatedNotDownloadedAgain() {
        Api.Response first = api.stranger().get("/app/app.css");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(first.header("Last-Modified")).isNotBlank();

        Api.Response again = api.stranger().send("GET", "/app/app.css", null, HttpRequest.BodyPublishers.noBody(),
                Map.of("If-Modified-Since", first.header("Last-Modified")));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aSignedInPageWritesThroughTheApiWithItsCsrfTokenEvenAfterOtherCalls() {
        Api browser = api.stranger();
        WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);
        String token = WebPages.hiddenFields(browser.get("/").body()).get("_csrf");
        // Reads made by the app before it writes must not replace the token it holds.
        assertThat(browser.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/timelines/home").status()).isEqualTo(200);

        Api.Response posted = browser.send("POST", "/api/v1/statuses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"from the web client\"}"), Map.of("X-XSRF-TOKEN", token));
        Api.Response forged = browser.send("POST", "/api/v1/statuses", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"forged\"}"), Map.of("X-XSRF-TOKEN", "not-the-token"));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(posted.json().get("account").get("id").asString()).isEqualTo(user.id());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").asString()).isEqualTo("urn:omnia:problem:csrf");
    }

    @Test
    void theWalletsCsvExportLinkDownloadsTheStatementWithTheSessionCookie() {
        Api browser = api.stranger();
        WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);

        Api.Response csv = browser.get("/api/omnia/v1/wallet/transactions.csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(api.stranger().get("/api/omnia/v1/wallet/transactions.csv").status()).isEqualTo(401);
    }

    @Test
    void signingInReplacesTheCsrfTokenHeldBefore() {
        Api browser = api.stranger();
        String before = WebPages.hiddenFields(browser.get("/auth/sign_in").body()).get("_csrf");

        Api.Response signedIn = WebPages.signIn(browser, user.username(), TestAccounts.PASSWORD, null);

        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN=;"));
        String after = WebPages.hiddenFields(browser.get("/").body()).get("_csrf");
        assertThat(after).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void theLanguageFollowsTheBrowserUnlessOneWasChosen() {
        assertThat(lang(api.stranger(), Map.of("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"))).isEqualTo("fr");
        assertThat(lang(api.stranger(), Map.of("Accept-Language", "de-DE,de;q=0.9"))).isEqualTo("en");
        assertThat(lang(api.stranger(), Map.of("Accept-Language", "de-DE,fr;q=0.8"))).isEqualTo("fr");
        assertThat(lang(api.stranger(), Map.of("Accept-Language", "fr", "Cookie", "omnia_lang=en"))).isEqualTo("en");
        assertThat(lang(api.stranger(), Map.of("Cookie", "omnia_lang=xx"))).isEqualTo("en");

        Api browser = api.stranger();
        Api.Response switched = browser.get("/auth/sign_in?lang=fr");
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("omnia_lang=fr"));
        assertThat(switched.body()).contains("<h1>Se connecter</h1>");
        assertThat(lang(browser, Map.of("Accept-Language", "en"))).isEqualTo("fr");
    }

    @Test
    void theAppsMessagesComeFromTheBundles() {
        Api.Response french = api.stranger().get("/app/i18n/fr");
        Api.Response english = api.stranger().get("/app/i18n/en");
        Api.Response german = api.stranger().get("/app/i18n/de");

        assertThat(french.json().get("app.nav.home").asString()).isEqualTo("Accueil");
        assertThat(english.json().get("app.nav.home").asString()).isEqualTo("Home");
        assertThat(english.json().has("auth.sign_in.title")).as("only the app's keys").isFalse();
        assertThat(german.status()).isEqualTo(404);
        assertThat(german.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theSignUpPageSpeaksTheChosenLanguageAndStillExplainsTheAgeRule() {
        Api browser = api.stranger();
        Api.Response page = browser.send("GET", "/auth/sign_up", null, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept-Language", "fr"));
        assertThat(page.body()).contains("<h1>Créer un compte</h1>", "name=\"locale\" value=\"fr\"");
        Map<String, String> form = WebPages.hiddenFields(page.body());
        form.putAll(Map.of("username", TestAccounts.uniqueName("jeune"), "email", TestAccounts.uniqueName("j") + "@example.org",
                "password", TestAccounts.PASSWORD, "date_of_birth", java.time.LocalDate.now().minusYears(14).toString(),
                "country", "FR", "agreement", "true"));

        Api.Response refused = browser.send("POST", "/auth/sign_up", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(Api.formBody(form)), Map.of("Accept-Language", "fr"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("class=\"problem\" role=\"alert\"",
                "âge minimum requis : 15 ans pour le pays FR");
    }

    private static String lang(Api browser, Map<String, String> headers) {
        String body = browser.send("GET", "/", null, HttpRequest.BodyPublishers.noBody(), headers).body();
        int at = body.indexOf("<html lang=\"");
        assertThat(at).as(body).isNotNegative();
        return body.substring(at + 12, body.indexOf('"', at + 12));
    }
}
