package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.omnia.support.Api;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat helpers over the public API, on top of the two people every social test starts with. */
abstract class ChatFixture extends TwoPeopleTest {

    static final String CHAT = "/api/omnia/v1/chat";

    /**
     * A member made the cheap way: sign-up through the API answers a token at once (one password hash),
     * skipping the sign-in and consent pages that {@link TestAccounts#newUser} drives.
     */
    protected User quickUser() {
        Api own = api.stranger();
        TestAccounts.App app = TestAccounts.registerApp(own, "read write");
        String username = TestAccounts.uniqueName("c");
        Api.Response signedUp = TestAccounts.trySignUp(own, TestAccounts.appToken(own, app, "write:accounts"),
                TestAccounts.adult(username));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(200);
        String token = signedUp.json().get("access_token").asString();
        String id = own.withToken(token).get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        return new User(id, username, token);
    }

    protected Api as(User user) {
        return api.withToken(user.token());
    }

    protected StreamClient chatSocket(User user) {
        return StreamClient.open(port, "", b -> b.subprotocols(user.token())).subscribe("chat");
    }

    protected String direct(Api as, User other) {
        return direct(as, other, false);
    }

    protected String direct(Api as, User other, boolean encrypted) {
        Api.Response created = as.postJson(CHAT + "/conversations",
                Map.of("type", "direct", "account_id", other.id(), "encrypted", encrypted));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json().get("id").asString();
    }

    protected Api.Response trySend(Api as, String conversation, String clientId, String text) {
        return as.postJson(CHAT + "/conversations/" + conversation + "/messages",
                Map.of("client_message_id", clientId, "text", text));
    }

    protected JsonNode send(Api as, String conversation, String text) {
        Api.Response sent = trySend(as, conversation, UUID.randomUUID().toString(), text);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json();
    }

    protected JsonNode sync(Api as, long since) {
        Api.Response synced = as.get(CHAT + "/sync?since=" + since);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        return synced.json();
    }

    /** The next chat event on the socket, as its sync entry (the payload of the socket message). */
    protected static JsonNode nextEntry(StreamClient socket) {
        JsonNode message = socket.next();
        assertThat(message.get("stream").get(0).asString()).as(message.toString()).isEqualTo("chat");
        JsonNode entry = StreamClient.payload(message);
        assertThat(message.get("event").asString()).isEqualTo(entry.get("type").asString());
        return entry;
    }

    /** Skips events of other types (membership, reads) until the next message event. */
    protected static JsonNode nextMessage(StreamClient socket) {
        JsonNode entry = nextEntry(socket);
        while (!entry.get("type").asString().equals("chat.message")) {
            entry = nextEntry(socket);
        }
        return entry;
    }

    /** A chat upload of a small PNG; answers its id. */
    protected String upload(Api as) {
        Api.Response uploaded = new app.omnia.support.Multipart()
                .file("file", "p.png", "image/png", app.omnia.support.TestImages.png())
                .field("description", "a picture").send(as, "POST", CHAT + "/media");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        return uploaded.json().get("id").asString();
    }

    protected static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.toString())
                    .isEqualTo(field);
        }
    }

    /** The types of the account's sync entries from the start. */
    protected List<String> types(Api as) {
        return sync(as, 0).get("events").valueStream().map(e -> e.get("type").asString()).toList();
    }

    protected static List<String> texts(JsonNode events) {
        return events.valueStream().filter(e -> e.get("type").asString().equals("chat.message"))
                .map(e -> e.get("payload").get("text").asString()).toList();
    }
}
