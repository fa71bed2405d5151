package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.platform.OmniaProperties;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static app.omnia.support.StreamClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming socket, {@code /api/v1/streaming}, over a real WebSocket: Mastodon's streams and events,
 * the three ways to present a token, the Origin check, and the rules of every other read path (private
 * posts, blocks) applied to what is pushed.
 */
@IntegrationTest
class StreamingTest extends TwoPeopleTest {

    @Autowired
    OmniaProperties properties;

    @Autowired
    app.omnia.identity.persistence.Accounts accounts;
    @Autowired
    app.omnia.identity.persistence.CredentialCache credentialCache;

    private StreamClient socket(User user, String query) {
        return StreamClient.open(port, query, b -> b.subprotocols(user.token()));
    }

    private String post(Api as, Map<String, String> form) {
        Api.Response posted = as.postForm("/api/v1/statuses", form);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        return posted.json().get("id").asString();
    }

    @Test
    void aFollowerHearsUpdatesEditsAndDeletesOnTheUserStream() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        try (StreamClient bobs = socket(bob, "").subscribe("user")) {
            String id = post(asAlice, Api.form("status", "hello followers"));
            JsonNode update = bobs.next();
            assertThat(update.get("stream").get(0).asString()).isEqualTo("user");
            assertThat(update.get("event").asString()).isEqualTo("update");
            assertThat(payload(update).get("id").asString()).isEqualTo(id);
            assertThat(payload(update).get("account").get("id").asString()).isEqualTo(alice.id());

            asAlice.send("PUT", "/api/v1/statuses/" + id, "application/x-www-form-urlencoded",
                    Api.formBody(Api.form("status", "hello, edited")));
            JsonNode edited = bobs.next();
            assertThat(edited.get("event").asString()).isEqualTo("status.update");
            assertThat(payload(edited).get("content").asString()).contains("hello, edited");

            asAlice.delete("/api/v1/statuses/" + id);
            JsonNode deleted = bobs.next();
            assertThat(deleted.get("event").asString()).isEqualTo("delete");
            assertThat(deleted.get("payload").asString()).isEqualTo(id);
        }
    }

    @Test
    void notificationsArriveOnUserNotificationWithTheTokenInTheQuery() {
        String id = post(asAlice, Api.form("status", "favourite me"));
        try (StreamClient alices = StreamClient.open(port,
                "stream=user:notification&access_token=" + alice.token(), b -> {}).sync()) {
            asBob.postForm("/api/v1/statuses/" + id + "/favourite", Map.of());
            JsonNode notification = alices.next();
            assertThat(notification.get("stream").get(0).asString()).isEqualTo("user:notification");
            assertThat(notification.get("event").asString()).isEqualTo("notification");
            assertThat(payload(notification).get("type").asString()).isEqualTo("favourite");
            assertThat(payload(notification).get("account").get("id").asString()).isEqualTo(bob.id());
            assertThat(payload(notification).get("status").get("id").asString()).isEqualTo(id);
        }
    }

    @Test
    void publicAndHashtagStreamsCarryPublicPostsWithTheTokenInTheHeader() {
        String tag = "omnia" + Long.toString(System.nanoTime(), 36);
        try (StreamClient bobs = StreamClient.open(port, "", b -> b.header("Authorization", "Bearer " + bob.token()))) {
            bobs.subscribe("public:local");
            bobs.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\",\"tag\":\"" + tag + "\"}");
            bobs.sync();
            String id = post(asAlice, Api.form("status", "about #" + tag));
            JsonNode first = bobs.next();
            JsonNode second = bobs.next();
            assertThat(java.util.List.of(first.get("stream").toString(), second.get("stream").toString()))
                    .containsExactlyInAnyOrder("[\"public:local\"]", "[\"hashtag\",\"" + tag + "\"]");
            assertThat(payload(first).get("id").asString()).isEqualTo(id);
            assertThat(payload(second).get("id").asString()).isEqualTo(id);
        }
    }

    @Test
    void privatePostsOfAnAccountNotFollowedAreNotPushed() {
        try (StreamClient bobs = socket(bob, "stream=user").sync()) {
            bobs.subscribe("public");
            post(asAlice, Api.form("status", "followers only", "visibility", "private"));
            String marker = post(asBob, Api.form("status", "my own marker"));
            JsonNode next = bobs.next();
            assertThat(payload(next).get("id").asString()).isEqualTo(marker);
        }
    }

    @Test
    void postsOfAnAccountThatBlockedMeAreNotPushed() {
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Map.of());
        try (StreamClient bobs = socket(bob, "stream=public").sync()) {
            post(asAlice, Api.form("status", "not for bob"));
            String marker = post(asBob, Api.form("status", "marker"));
            assertThat(payload(bobs.next()).get("id").asString()).isEqualTo(marker);
        }
    }

    @Test
    void directMessagesReachTheDirectStreamAsConversations() {
        try (StreamClient bobs = socket(bob, "stream=direct").sync()) {
            String id = post(asAlice, Api.form("status", "@" + bob.username() + " just us", "visibility", "direct"));
            JsonNode conversation = bobs.next();
            assertThat(conversation.get("event").asString()).isEqualTo("conversation");
            assertThat(payload(conversation).get("last_status").get("id").asString()).isEqualTo(id);
            assertThat(payload(conversation).get("accounts").get(0).get("id").asString()).isEqualTo(alice.id());
        }
    }

    @Test
    void mistakesAreAnsweredOnTheSocketWhichStaysOpen() {
        try (StreamClient bobs = socket(bob, "")) {
            bobs.send("{\"type\":\"subscribe\",\"stream\":\"nonsense\"}");
            JsonNode refused = bobs.next();
            assertThat(refused.get("error").asString()).isEqualTo("Unknown stream type");
            assertThat(refused.get("status").asInt()).isEqualTo(400);
            bobs.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\"}");
            assertThat(bobs.next().get("error").asString()).isEqualTo("No tag for stream provided");
            bobs.send("not json");
            assertThat(bobs.next().get("status").asInt()).isEqualTo(400);
            bobs.send("{\"type\":\"dance\"}");
            assertThat(bobs.next().get("error").asString()).startsWith("Unknown message type");
            String id = post(asBob, Api.form("status", "still listening"));
            bobs.subscribe("public");
            String later = post(asBob, Api.form("status", "still listening, later"));
            assertThat(payload(bobs.next()).get("id").asString()).isEqualTo(later).isNotEqualTo(id);
        }
    }

    @Test
    void aTokenWithoutTheScopeCannotOpenTheStream() {
        User reader = TestAccounts.newUser(api, "read:accounts");
        try (StreamClient socket = socket(reader, "")) {
            socket.send("{\"type\":\"subscribe\",\"stream\":\"user\"}");
            JsonNode refused = socket.next();
            assertThat(refused.get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void theHandshakeNeedsAValidTokenAndAnAllowedOrigin() {
        assertThat(StreamClient.refusedWith(port, "", b -> {})).isEqualTo(401);
        assertThat(StreamClient.refusedWith(port, "access_token=not-a-token", b -> {})).isEqualTo(401);
        assertThat(StreamClient.refusedWith(port, "", b -> b.subprotocols(bob.token())
                .header("Origin", "https://evil.example"))).isEqualTo(403);
        assertThat(StreamClient.refusedWith(port, "", b -> b.subprotocols(bob.token())
                .header("Origin", properties.baseUrlText()))).isEqualTo(101);
        assertThat(api.get("/api/v1/streaming/health").body()).isEqualTo("OK");
    }

    @Test
    void theSocketClosesWhenItsTokenIsRevoked() {
        TestAccounts.App app = TestAccounts.registerApp(api, "read write");
        Api own = api.stranger();
        Api.Response signedUp = TestAccounts.trySignUp(own, TestAccounts.appToken(own, app, "write:accounts"),
                TestAccounts.adult(TestAccounts.uniqueName("s")));
        String token = signedUp.json().get("access_token").asString();
        Api withToken = own.withToken(token);
        try (StreamClient socket = StreamClient.open(port, "stream=user", b -> b.subprotocols(token)).sync()) {
            // Twice: the second is answered from the credential cache, which the revocation must empty.
            assertThat(withToken.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
            assertThat(withToken.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
            Api.Response revoked = own.postForm("/oauth/revoke", Api.form("client_id", app.clientId(),
                    "client_secret", app.clientSecret(), "token", token));
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(withToken.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
            assertThat(socket.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aKnownTokenIsCheckedWithoutAQueryAndAnUnknownOneWithOne() {
        asBob.get("/api/v1/accounts/verify_credentials");
        app.omnia.support.SqlStatements.countGet(asBob, "/api/v1/accounts/verify_credentials");
        assertThat(app.omnia.support.SqlStatements.lastStatements()).as("warm").doesNotContain("oauth_access_tokens");
        credentialCache.clear();
        app.omnia.support.SqlStatements.countGet(asBob, "/api/v1/accounts/verify_credentials");
        String cold = app.omnia.support.SqlStatements.lastStatements();
        assertThat(cold.lines().filter(l -> l.contains("oauth_access_tokens")).count()).as(cold).isEqualTo(1);
        assertThat(cold.lines().filter(l -> l.contains("JOIN accounts")).count()).as("token and account at once")
                .isEqualTo(1);
    }

    @Test
    void theSocketClosesWhenTheAccountSignsOutEverywhere() {
        try (StreamClient bobs = socket(bob, "stream=user").sync()) {
            assertThat(asBob.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
            assertThat(asBob.postForm("/api/omnia/v1/account/sign_out_everywhere", Map.of()).status()).isEqualTo(200);
            assertThat(asBob.get("/api/v1/accounts/verify_credentials").status()).as("at once").isEqualTo(401);
            assertThat(bobs.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void theSocketClosesWhenAnAdminSuspendsTheAccount() {
        User admin = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(admin.id()), app.omnia.identity.Role.ADMIN, java.time.Instant.now());
        try (StreamClient bobs = socket(bob, "stream=user").sync()) {
            assertThat(asBob.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
            Api.Response suspended = api.withToken(admin.token()).postForm(
                    "/api/v1/admin/accounts/" + bob.id() + "/action", Api.form("type", "suspend"));
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(bobs.awaitClose()).isEqualTo(1008);
        }
        assertThat(asBob.get("/api/v1/accounts/verify_credentials").status()).as("at once").isIn(401, 403);
        assertThat(StreamClient.refusedWith(port, "", b -> b.subprotocols(bob.token()))).isIn(401, 403);
    }
}
