package app.omnia.messaging.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactions, typing, delete for me, replies by Mastodon's field name. */
@IntegrationTest
class ChatInteractionsTest extends ChatFixture {

    private static String reaction(String conversation, String message, String emoji) {
        return CHAT + "/conversations/" + conversation + "/messages/" + message + "/reactions/"
                + URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aConversationTakesALimitedNumberOfMessagesFromAllItsMembersTogether() {
        User carol = quickUser();
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "flood",
                "account_ids", List.of(bob.id(), carol.id()))).json().get("id").asString();
        for (int i = 0; i < 100; i++) {
            send(asAlice, group, "a" + i);
            send(asBob, group, "b" + i); // each stays under the per-account limit (120 a minute)
        }

        Api.Response flooded = trySend(as(carol), group, UUID.randomUUID().toString(), "one too many");

        assertThat(flooded.status()).as(flooded.toString()).isEqualTo(429);
        String other = direct(as(carol), alice);
        assertThat(trySend(as(carol), other, UUID.randomUUID().toString(), "elsewhere").status())
                .as("another conversation is not limited").isEqualTo(200);
    }

    @Test
    void aSenderTakesALimitedNumberOfMessagesAcrossAllConversations() {
        // A fresh sender: its own counter starts at zero whatever the other tests sent.
        User sender = quickUser();
        Api asSender = as(sender);
        String withAlice = direct(asSender, alice);
        String withBob = direct(asSender, bob);
        for (int i = 0; i < 60; i++) { // 120 in all, the per-account limit (120 a minute); 60 each stays far
            send(asSender, withAlice, "a" + i); // under one conversation's own limit (200 a minute)
            send(asSender, withBob, "b" + i);
        }

        Api.Response refused = trySend(asSender, withBob, UUID.randomUUID().toString(), "one too many");

        assertProblem(refused, 429, null);
        assertThat(refused.json().get("retry_after").asLong()).isPositive();
        assertThat(trySend(asBob, withBob, UUID.randomUUID().toString(), "my turn").status())
                .as("the other member of the same conversation is not limited").isEqualTo(200);
    }

    @Test
    void aResendOfTheSameClientMessageIdDoesNotCountAgainstTheSendersLimit() {
        User sender = quickUser();
        Api asSender = as(sender);
        String conversation = direct(asSender, alice);
        String first = send(asSender, conversation, "hello").get("client_message_id").asString();
        for (int i = 0; i < 2; i++) { // a client retrying after dropped connections
            Api.Response resent = trySend(asSender, conversation, first, "hello");
            assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
            assertThat(resent.json().get("client_message_id").asString()).isEqualTo(first);
        }

        for (int i = 1; i < 120; i++) { // 120 messages in all: the per-account limit, the resends not counted
            send(asSender, conversation, "m" + i);
        }

        assertProblem(trySend(asSender, conversation, UUID.randomUUID().toString(), "one too many"), 429, null);
    }

    @Test
    void reachingStrangersIsLimitedWhetherStartingADirectConversationAGroupOrAddingToOne() {
        // Nobody follows a fresh account: everyone it reaches is a stranger and gets a request.
        User sender = quickUser();
        Api asSender = as(sender);
        User stranger = quickUser();
        String group = null;
        for (int i = 0; i < 50; i++) { // the limit: 50 a day; each group with a stranger in it counts once
            Api.Response created = asSender.postJson(CHAT + "/conversations", Map.of("type", "group",
                    "name", "g" + i, "account_ids", List.of(stranger.id())));
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            group = created.json().get("id").asString();
        }
        User another = quickUser();

        assertProblem(asSender.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "one more",
                "account_ids", List.of(stranger.id()))), 429, null);
        assertProblem(asSender.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", another.id())),
                429, null);
        assertProblem(asSender.postJson(CHAT + "/conversations/" + group + "/members",
                Map.of("account_ids", List.of(another.id()))), 429, null);
        assertThat(asSender.get(CHAT + "/conversations/" + group + "/members").json().size())
                .as("nobody was added").isEqualTo(2);
        asBob.postForm("/api/v1/accounts/" + sender.id() + "/follow", Map.of());
        assertThat(asSender.postJson(CHAT + "/conversations", Map.of("type", "direct", "account_id", bob.id()))
                .status()).as("a follower is no stranger").isEqualTo(200);
    }

    @Test
    void membersReactOncePerEmojiAndEveryoneHearsTheCounts() {
        String conversation = direct(asAlice, bob);
        String message = send(asAlice, conversation, "react to me").get("id").asString();
        try (StreamClient alices = chatSocket(alice)) {
            Api.Response reacted = asBob.send("PUT", reaction(conversation, message, "👍"), "application/json", "{}");
            assertThat(reacted.status()).as(reacted.toString()).isEqualTo(200);
            JsonNode mine = reacted.json().get("reactions").get(0);
            assertThat(mine.get("name").asString()).isEqualTo("👍");
            assertThat(mine.get("count").asLong()).isEqualTo(1);
            assertThat(mine.get("me").asBoolean()).isTrue();
            JsonNode heard = nextEntry(alices);
            assertThat(heard.get("type").asString()).isEqualTo("chat.reaction");
            assertThat(heard.get("payload").get("account_id").asString()).isEqualTo(bob.id());
            assertThat(heard.get("payload").get("reactions").get(0).get("count").asLong()).isEqualTo(1);
        }
        asBob.send("PUT", reaction(conversation, message, "👍"), "application/json", "{}");
        asAlice.send("PUT", reaction(conversation, message, "👍"), "application/json", "{}");
        asAlice.send("PUT", reaction(conversation, message, "❤️"), "application/json", "{}");
        JsonNode seen = asBob.get(CHAT + "/conversations/" + conversation + "/messages").json().get(0).get("reactions");
        assertThat(seen.valueStream().map(r -> r.get("name").asString() + r.get("count").asLong() + r.get("me").asBoolean())
                .toList()).as("one per member per emoji; me is the viewer's").containsExactly("👍2true", "❤️1false");
        assertThat(asBob.delete(reaction(conversation, message, "👍")).json().get("reactions").get(0).get("count").asLong())
                .isEqualTo(1);
        assertThat(types(asAlice).stream().filter("chat.reaction"::equals).count())
                .as("a repeated reaction records nothing").isEqualTo(4);

        assertProblem(asBob.send("PUT", reaction(conversation, message, "abc"), "application/json", "{}"), 422, "emoji");
        assertProblem(asBob.send("PUT", reaction(conversation, message, "👍 hi"), "application/json", "{}"), 422, "emoji");
        User eve = quickUser();
        assertProblem(as(eve).send("PUT", reaction(conversation, message, "👍"), "application/json", "{}"), 404, null);
        assertProblem(asBob.send("PUT", reaction(conversation, "999999", "👍"), "application/json", "{}"), 404, null);
    }

    @Test
    void aMessageHoldsALimitedSetOfDifferentEmoji() {
        String conversation = direct(asAlice, bob);
        String message = send(asAlice, conversation, "so many feelings").get("id").asString();
        for (int i = 0; i < 20; i++) {
            String emoji = new String(Character.toChars(0x1F600 + i));
            assertThat(asAlice.send("PUT", reaction(conversation, message, emoji), "application/json", "{}").status())
                    .isEqualTo(200);
        }
        assertProblem(asBob.send("PUT", reaction(conversation, message, new String(Character.toChars(0x1F620))),
                "application/json", "{}"), 422, "emoji");
        assertThat(asBob.send("PUT", reaction(conversation, message, new String(Character.toChars(0x1F600))),
                "application/json", "{}").status()).as("an emoji already there still counts").isEqualTo(200);
    }

    @Test
    void typingReachesTheOtherMembersSocketsOnlyAndIsLimited() {
        String conversation = direct(asAlice, bob);
        long before = sync(asBob, 0).get("last_seq").asLong();
        try (StreamClient bobs = chatSocket(bob)) {
            assertThat(asAlice.postJson(CHAT + "/conversations/" + conversation + "/typing", Map.of()).status())
                    .isEqualTo(200);
            JsonNode message = bobs.next();
            assertThat(message.get("event").asString()).isEqualTo("chat.typing");
            JsonNode typing = StreamClient.payload(message);
            assertThat(typing.get("account_id").asString()).isEqualTo(alice.id());
            assertThat(typing.get("conversation_id").asString()).isEqualTo(conversation);
            assertThat(typing.has("seq")).as("ephemeral: no sequence number").isFalse();
        }
        assertThat(sync(asBob, 0).get("last_seq").asLong()).as("not stored in sync").isEqualTo(before);
        User eve = quickUser();
        assertProblem(as(eve).postJson(CHAT + "/conversations/" + conversation + "/typing", Map.of()), 404, null);
        int status = 200;
        for (int i = 0; i < 12 && status == 200; i++) {
            status = asAlice.postJson(CHAT + "/conversations/" + conversation + "/typing", Map.of()).status();
        }
        assertThat(status).as("typing notices are rate-limited").isEqualTo(429);
    }

    @Test
    void deleteForMeHidesAMessageForTheCallerOnly() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "keep");
        String gone = send(asAlice, conversation, "hide me").get("id").asString();
        assertThat(asBob.postJson(CHAT + "/conversations/" + conversation + "/messages/" + gone + "/hide", Map.of())
                .status()).isEqualTo(200);
        asBob.postJson(CHAT + "/conversations/" + conversation + "/messages/" + gone + "/hide", Map.of());
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json().valueStream()
                .map(m -> m.get("text").asString()).toList()).containsExactly("keep");
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation + "/messages").json()).hasSize(2);
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).json().get("unread_count").asLong()).isEqualTo(1);
        assertThat(types(asBob).stream().filter("chat.message.hide"::equals).count()).as("once, for bob's devices")
                .isEqualTo(1);
        assertThat(types(asAlice)).doesNotContain("chat.message.hide");
        User eve = quickUser();
        assertProblem(as(eve).postJson(CHAT + "/conversations/" + conversation + "/messages/" + gone + "/hide",
                Map.of()), 404, null);
        assertProblem(asBob.postJson(CHAT + "/conversations/" + conversation + "/messages/424242/hide", Map.of()),
                404, null);
    }

    @Test
    void aReplyMayUseMastodonsFieldNameAndMustStayInTheConversation() {
        String conversation = direct(asAlice, bob);
        String first = send(asAlice, conversation, "question").get("id").asString();
        Api.Response reply = asBob.postJson(CHAT + "/conversations/" + conversation + "/messages",
                Map.of("client_message_id", "r", "text", "answer", "in_reply_to_id", first));
        assertThat(reply.json().get("reply_to_id").asString()).isEqualTo(first);
        String elsewhere = send(asAlice, direct(asAlice, quickUser()), "elsewhere").get("id").asString();
        assertProblem(asBob.postJson(CHAT + "/conversations/" + conversation + "/messages",
                Map.of("client_message_id", "r2", "text", "x", "in_reply_to_id", elsewhere)), 422, "reply_to_id");
    }
}
