package app.omnia.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import app.omnia.identity.Role;
import app.omnia.identity.Account;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.OmniaProperties;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;

/** Instance documents, NodeInfo, WebFinger and host-meta over HTTP, without a token. */
@IntegrationTest
class InstanceDiscoveryIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IdGenerator ids;

    @Autowired
    OmniaProperties settings;

    private Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void v2InstanceDescribesTheServerAsMastodonAppsExpect() {
        Api.Response response = api.get("/api/v2/instance");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode json = response.json();
        assertThat(json.get("domain").asString()).isEqualTo(settings.domain());
        assertThat(json.get("title").asString()).isEqualTo(settings.instance().title());
        assertThat(json.get("version").asString()).matches("^4\\.3\\.0 \\(compatible; Omnia \\d+\\.\\d+\\.\\d+\\S*\\)$");
        assertThat(json.get("source_url").asString()).startsWith("http");
        assertThat(json.get("description").isString()).isTrue();
        assertThat(json.at("/usage/users/active_month").isIntegralNumber()).isTrue();
        assertThat(json.at("/thumbnail/url").asString()).isEqualTo(settings.baseUrlText() + "/thumbnail.png");
        assertThat(json.get("icon").isArray()).isTrue();
        assertThat(json.get("languages").isArray()).isTrue();
        assertThat(json.get("languages").get(0).isString()).isTrue();
        assertThat(json.at("/api_versions/mastodon").isIntegralNumber()).isTrue();
        assertThat(json.get("rules").isArray()).isTrue();
        assertThat(json.at("/contact/email").isString()).isTrue();
        assertThat(json.at("/contact/account").isNull()).isTrue();

        JsonNode configuration = json.get("configuration");
        String expectedStreaming = settings.baseUrlText().replaceFirst("^http", "ws");
        assertThat(configuration.at("/urls/streaming").asString()).isEqualTo(expectedStreaming);
        assertThat(configuration.at("/urls/streaming").asString()).matches("^wss?://.*");
        assertThat(configuration.at("/urls/status").isNull()).isTrue();
        assertThat(configuration.at("/vapid/public_key").isString()).isTrue();
        assertThat(configuration.at("/statuses/max_characters").intValue())
                .isEqualTo(settings.instance().maxCharacters());
        assertThat(configuration.at("/statuses/max_media_attachments").intValue()).isEqualTo(4);
        assertThat(configuration.at("/statuses/characters_reserved_per_url").intValue()).isEqualTo(23);
        assertThat(configuration.at("/media_attachments/image_size_limit").longValue())
                .isEqualTo(settings.media().maxImageBytes());
        assertThat(configuration.at("/media_attachments/image_matrix_limit").longValue())
                .isEqualTo(settings.media().maxImagePixels());
        assertThat(configuration.at("/media_attachments/supported_mime_types").toString()).contains("image/jpeg");
        assertThat(configuration.at("/polls/max_expiration").intValue()).isEqualTo(2_629_746);
        assertThat(configuration.at("/translation/enabled").booleanValue()).isFalse();

        JsonNode registrations = json.get("registrations");
        assertThat(registrations.get("enabled").isBoolean()).isTrue();
        assertThat(registrations.get("approval_required").isBoolean()).isTrue();
        assertThat(registrations.get("reason_required").isBoolean()).isTrue();
        assertThat(registrations.get("min_age").isIntegralNumber()).isTrue();
        assertThat(registrations.get("min_age").intValue()).isEqualTo(settings.age().defaultMinimum());
        assertThat(registrations.get("message").isNull()).isTrue();
        assertThat(registrations.get("url").isNull()).isTrue();
        assertThat(registrations.get("enabled").booleanValue())
                .isEqualTo(settings.registrations().mode() != OmniaProperties.RegistrationMode.CLOSED);
    }

    @Test
    void v1InstanceKeepsTheDeprecatedShape() {
        Api.Response response = api.get("/api/v1/instance");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("uri").asString()).isEqualTo(settings.domain());
        assertThat(json.get("version").asString()).startsWith("4.3.0 (compatible; Omnia ");
        assertThat(json.get("short_description").isString()).isTrue();
        assertThat(json.get("email").isString()).isTrue();
        assertThat(json.at("/urls/streaming_api").asString()).matches("^wss?://.*");
        assertThat(json.at("/stats/user_count").isIntegralNumber()).isTrue();
        // Its value is counted now and then (InstanceStatsTest), so an account made just now may not be in it yet.
        assertThat(json.at("/stats/user_count").longValue()).isNotNegative();
        assertThat(json.at("/stats/status_count").isIntegralNumber()).isTrue();
        assertThat(json.at("/stats/domain_count").isIntegralNumber()).isTrue();
        assertThat(json.get("thumbnail").asString()).endsWith("/thumbnail.png");
        assertThat(json.get("registrations").isBoolean()).isTrue();
        assertThat(json.get("approval_required").isBoolean()).isTrue();
        assertThat(json.get("invites_enabled").booleanValue()).isFalse();
        assertThat(json.at("/configuration/accounts/max_featured_tags").intValue()).isEqualTo(10);
        assertThat(json.at("/configuration/statuses/max_characters").intValue())
                .isEqualTo(settings.instance().maxCharacters());
        assertThat(json.has("contact_account")).isTrue();
        assertThat(json.get("contact_account").isNull()).isTrue();
        assertThat(json.get("rules").isArray()).isTrue();
    }

    @Test
    void instanceDocumentsDoNotCountTheAccountsOnEveryRequest() {
        for (String path : new String[] {"/api/v1/instance", "/api/v2/instance", "/nodeinfo/2.0"}) {
            SqlStatements.countGet(api, path);
            SqlStatements.countGet(api, path);
            assertThat(SqlStatements.lastStatements()).as(path).doesNotContainIgnoringCase("count(");
        }
    }

    @Test
    void instanceDocumentsNeedNoToken() {
        assertThat(api.stranger().get("/api/v2/instance").status()).isEqualTo(200);
        assertThat(api.stranger().get("/api/v1/instance").status()).isEqualTo(200);
    }

    @Test
    void thumbnailIsServed() {
        Api.Response response = api.send("GET", "/thumbnail.png", null, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept", "image/png"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("image/png");
    }

    @Test
    void nodeInfoIsDiscoverable() {
        Api.Response links = api.get("/.well-known/nodeinfo");

        assertThat(links.status()).as(links.toString()).isEqualTo(200);
        assertThat(links.contentType()).startsWith("application/json");
        assertThat(links.json().at("/links/0/rel").asString())
                .isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.0");
        String href = links.json().at("/links/0/href").asString();
        assertThat(href).isEqualTo(settings.baseUrlText() + "/nodeinfo/2.0");

        Api.Response document = api.get("/nodeinfo/2.0");

        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json")
                .contains("profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"");
        JsonNode json = document.json();
        assertThat(json.get("version").asString()).isEqualTo("2.0");
        assertThat(json.at("/software/name").asString()).isEqualTo("omnia");
        assertThat(json.at("/software/version").asString()).matches("^\\d+\\.\\d+\\.\\d+\\S*$");
        assertThat(json.get("protocols").isArray()).isTrue();
        assertThat(json.at("/services/inbound").isArray()).isTrue();
        assertThat(json.at("/services/outbound").isArray()).isTrue();
        assertThat(json.at("/usage/users/total").isIntegralNumber()).isTrue();
        assertThat(json.at("/usage/users/activeMonth").isIntegralNumber()).isTrue();
        assertThat(json.at("/usage/users/activeHalfyear").isIntegralNumber()).isTrue();
        assertThat(json.at("/usage/localPosts").isIntegralNumber()).isTrue();
        assertThat(json.get("openRegistrations").isBoolean()).isTrue();
        assertThat(json.at("/metadata/nodeName").asString()).isEqualTo(settings.instance().title());
    }

    @Test
    void webFingerFindsAnAccountByAcctUri() {
        Account alice = createAccount(true, false);

        Api.Response response = webfinger("acct:" + alice.username() + "@" + settings.domain());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/jrd+json");
        JsonNode json = response.json();
        String profile = settings.baseUrlText() + "/@" + alice.username();
        assertThat(json.get("subject").asString()).isEqualTo("acct:" + alice.username() + "@" + settings.domain());
        assertThat(json.get("aliases").toString()).isEqualTo("[\"" + profile + "\"]");
        assertThat(json.at("/links/0/rel").asString()).isEqualTo("http://webfinger.net/rel/profile-page");
        assertThat(json.at("/links/0/type").asString()).isEqualTo("text/html");
        assertThat(json.at("/links/0/href").asString()).isEqualTo(profile);
    }

    @Test
    void webFingerAcceptsABareAddressTheProfileUrlAndTheAccountUri() {
        Account alice = createAccount(true, false);
        String subject = "acct:" + alice.username() + "@" + settings.domain();

        Api.Response bare = webfinger(alice.username().toUpperCase() + "@" + settings.domain());
        Api.Response url = webfinger(settings.baseUrlText() + "/@" + alice.username());
        Api.Response accountUri = webfinger(settings.baseUrlText() + "/users/" + alice.username());

        assertThat(bare.status()).as(bare.toString()).isEqualTo(200);
        assertThat(bare.json().get("subject").asString()).isEqualTo(subject);
        assertThat(url.status()).as(url.toString()).isEqualTo(200);
        assertThat(url.json().get("subject").asString()).isEqualTo(subject);
        assertThat(accountUri.status()).as(accountUri.toString()).isEqualTo(200);
        assertThat(accountUri.json().get("subject").asString()).isEqualTo(subject);
    }

    @Test
    void webFingerIsOpenToOtherOrigins() {
        Account alice = createAccount(true, false);
        Api.Response response = api.send("GET", webfingerPath("acct:" + alice.username() + "@" + settings.domain()),
                null, HttpRequest.BodyPublishers.noBody(), Map.of("Origin", "https://app.example"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void webFingerDoesNotFindUnknownOrForeignAccounts() {
        Account alice = createAccount(true, false);

        assertNotFound(webfinger("acct:nobody_" + Long.toString(ids.next(), 36) + "@" + settings.domain()));
        assertNotFound(webfinger("acct:" + alice.username() + "@elsewhere.example"));
        assertNotFound(webfinger("https://elsewhere.example/@" + alice.username()));
    }

    @Test
    void webFingerHidesSuspendedAndUnapprovedAccounts() {
        Account suspended = createAccount(true, true);
        Account pending = createAccount(false, false);

        assertNotFound(webfinger("acct:" + suspended.username() + "@" + settings.domain()));
        assertNotFound(webfinger("acct:" + pending.username() + "@" + settings.domain()));
    }

    @Test
    void webFingerRejectsAMissingResource() {
        assertBadResource(api.get("/.well-known/webfinger"));
        assertBadResource(webfinger(""));
    }

    @Test
    void webFingerRejectsGarbage() {
        assertBadResource(webfinger("not an account"));
        assertBadResource(webfinger("acct:nodomain"));
        assertBadResource(webfinger("mailto:alice@" + settings.domain()));
    }

    @Test
    void webFingerProblemsStayProblemsWhenTheClientAsksForJrd() {
        Api.Response response = api.send("GET", webfingerPath("acct:nobody_x@elsewhere.example"), null,
                HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "application/jrd+json"));
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void hostMetaPointsAtWebFinger() {
        Api.Response response = api.send("GET", "/.well-known/host-meta", null, HttpRequest.BodyPublishers.noBody(),
                Map.of("Accept", "application/xrd+xml"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/xrd+xml");
        assertThat(response.body()).contains("<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">")
                .contains("<Link rel=\"lrdd\" template=\"" + settings.baseUrlText()
                        + "/.well-known/webfinger?resource={uri}\"/>");
    }

    private Api.Response webfinger(String resource) {
        return api.get(webfingerPath(resource));
    }

    private static String webfingerPath(String resource) {
        return "/.well-known/webfinger?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8);
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("error").isString()).isTrue();
    }

    private static void assertBadResource(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("resource");
        assertThat(response.json().at("/details/resource").isArray()).isTrue();
    }

    private Account createAccount(boolean approved, boolean suspended) {
        long id = ids.next();
        String username = "wf_" + Long.toString(id, 36);
        Instant now = Instant.now();
        Account account = new Account(id, username, username + "@mail.example", "unused-hash",
                LocalDate.of(1990, 1, 1), null, null, "", "", null, null, false, false, true, Role.USER, approved,
                null, null, null, false, now, now);
        accounts.insert(account);
        if (suspended) {
            accounts.updateSuspendedAt(id, now, now);
        }
        return account;
    }
}
