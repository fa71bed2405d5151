package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What chat refuses: blocks, closed inboxes, plaintext in encrypted conversations, others' ids, garbage. */
@IntegrationTest
class ChatRulesTest extends ChatFixture {

    @Test
    void aBlockEitherWayRefusesSendingAndStartingAConversation() {
        String conversation = direct(asAlice, bob);
        String sent = trySend(asAlice, conversation, "before", "before the block").json().get("id").asString();
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());

        Api.Response resent = trySend(asAlice, conversation, "before", "before the block");
        assertThat(resent.status()).as("a resend still answers the message sent before: " + resent).isEqualTo(200);
        assertThat(resent.json().get("id").asString()).isEqualTo(sent);
        assertProblem(trySend(asAlice, conversation, "after", "blocked"), 403, null);
        assertProblem(trySend(asBob, conversation, "after-b", "blocking"), 403, null);
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", bob.id(),
                "encrypted", true)), 403, null);
        assertThat(texts(sync(asBob, 0).get("events"))).containsExactly("before the block");
    }

    @Test
    void whoMayMessageMeIsTheRecipientsChoice() {
        assertThat(asBob.get(CHAT + "/settings").json().get("allow_messages_from").asString()).isEqualTo("everyone");
        Api.Response nobody = asBob.send("PUT", CHAT + "/settings", "application/json",
                "{\"allow_messages_from\":\"nobody\"}");
        assertThat(nobody.json().get("allow_messages_from").asString()).isEqualTo("nobody");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", bob.id())),
                403, null);

        asBob.send("PUT", CHAT + "/settings", "application/json", "{\"allow_messages_from\":\"followed\"}");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", bob.id())),
                403, null);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).json().get("state").asString())
                .as("someone bob follows lands in his inbox, not in requests").isEqualTo("active");

        assertProblem(asBob.send("PUT", CHAT + "/settings", "application/json",
                "{\"allow_messages_from\":\"friends\"}"), 422, "allow_messages_from");
    }

    @Test
    void anEncryptedConversationRefusesPlaintextAndRelaysCiphertext() {
        String conversation = direct(asAlice, bob, true);
        assertThat(conversation).as("the encrypted conversation is another one than the plain one")
                .isNotEqualTo(direct(asAlice, bob, false));
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation).json().get("encrypted").asBoolean()).isTrue();

        assertProblem(trySend(asAlice, conversation, "p1", "secret in clear"), 422, "text");
        assertProblem(asAlice.postJson(CHAT + "/conversations/" + conversation + "/messages",
                Map.of("client_message_id", "p2", "ciphertext", "%%% not base64")), 422, "ciphertext");
        Api.Response sealed = asAlice.postJson(CHAT + "/conversations/" + conversation + "/messages",
                Map.of("client_message_id", "p3", "ciphertext", "c2VhbGVkIGJ5IHRoZSBjbGllbnQ="));
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(200);
        assertThat(sealed.json().get("ciphertext").asString()).isEqualTo("c2VhbGVkIGJ5IHRoZSBjbGllbnQ=");
        assertThat(sealed.json().get("text").isNull()).isTrue();
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json()).hasSize(1);
    }

    @Test
    void anotherPersonsConversationDoesNotExistForMe() {
        String conversation = direct(asAlice, bob);
        String message = send(asAlice, conversation, "between us").get("id").asString();
        User eve = quickUser();
        Api asEve = as(eve);
        String base = CHAT + "/conversations/" + conversation;
        assertProblem(asEve.get(base), 404, null);
        assertProblem(asEve.get(base + "/messages"), 404, null);
        assertProblem(asEve.get(base + "/members"), 404, null);
        assertProblem(trySend(asEve, conversation, "e1", "let me in"), 404, null);
        assertProblem(asEve.postJson(base + "/read", Map.of("last_read_id", message)), 404, null);
        assertProblem(asEve.delete(base + "/messages/" + message), 404, null);
        assertProblem(asEve.get(CHAT + "/conversations/not-an-id"), 404, null);
        assertThat(sync(asEve, 0).get("events")).isEmpty();
    }

    @Test
    void garbageInputIsRefusedNamingTheFieldAndWritesNothing() {
        String conversation = direct(asAlice, bob);
        String messages = CHAT + "/conversations/" + conversation + "/messages";
        assertProblem(asAlice.postJson(messages, Map.of("text", "no client id")), 422, "client_message_id");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "has space", "text", "x")), 422,
                "client_message_id");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g1")), 422, "text");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g2", "text", "x".repeat(4001))), 422, "text");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g3", "text", Map.of("a", 1))), 400, "text");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g4", "text", "x", "reply_to_id", "abc")),
                422, "reply_to_id");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g5", "text", "x", "reply_to_id", "12345")),
                422, "reply_to_id");
        assertProblem(asAlice.postJson(messages, Map.of("client_message_id", "g6", "ciphertext", "aGk=")), 422,
                "ciphertext");
        assertProblem(asAlice.send("POST", messages, "application/json", "{not json"), 400, null);
        assertProblem(asAlice.postJson(CHAT + "/conversations/" + conversation + "/read", Map.of("last_read_id", "x")),
                422, "last_read_id");
        assertProblem(asAlice.get(CHAT + "/sync?since=yesterday"), 400, "since");
        assertProblem(asAlice.get(CHAT + "/conversations?state=maybe"), 400, "state");

        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct")), 422, "account_id");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", "x1")), 422,
                "account_id");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", alice.id())),
                422, "account_id");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "party")), 422, "type");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "account_ids",
                List.of(bob.id()))), 422, "name");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "x".repeat(101),
                "account_ids", List.of(bob.id()))), 422, "name");
        // One good member and one unknown one: the group is not created at all.
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "half",
                "account_ids", List.of(bob.id(), "999999999"))), 422, "account_ids");
        assertProblem(asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "junk",
                "account_ids", List.of("one", "two"))), 422, "account_ids");

        assertThat(asAlice.get(CHAT + "/conversations/" + conversation + "/messages").json()).isEmpty();
        assertThat(ids(asAlice.get(CHAT + "/conversations").json())).containsExactly(conversation);
        assertThat(ids(asBob.get(CHAT + "/conversations").json())).containsExactly(conversation);
        JsonNode events = sync(asBob, 0).get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asString()).isEqualTo("chat.conversation.create");
    }
}
