package app.omnia.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Direct conversations over HTTP and the real streaming socket. */
@IntegrationTest
class ChatTest extends ChatFixture {

    @Test
    void twoPeopleChatAndHearEachOtherInRealTime() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        assertThat(direct(asBob, alice)).as("one conversation per pair, whoever asks").isEqualTo(conversation);
        try (StreamClient alices = chatSocket(alice); StreamClient bobs = chatSocket(bob)) {
            JsonNode sent = send(asAlice, conversation, "hello bob");
            JsonNode heard = nextMessage(bobs);
            assertThat(heard.get("conversation_id").asString()).isEqualTo(conversation);
            assertThat(heard.get("payload").get("id").asString()).isEqualTo(sent.get("id").asString());
            assertThat(heard.get("payload").get("text").asString()).isEqualTo("hello bob");
            assertThat(heard.get("payload").get("account_id").asString()).isEqualTo(alice.id());
            assertThat(nextMessage(alices).get("payload").get("id").asString()).as("the sender's other devices")
                    .isEqualTo(sent.get("id").asString());

            JsonNode reply = asBob.postJson(CHAT + "/conversations/" + conversation + "/messages", Map.of(
                    "client_message_id", "r1", "text", "hi alice", "reply_to_id", sent.get("id").asString())).json();
            JsonNode answer = nextMessage(alices);
            assertThat(answer.get("payload").get("reply_to_id").asString()).isEqualTo(sent.get("id").asString());
            assertThat(answer.get("payload").get("id").asString()).isEqualTo(reply.get("id").asString());
            assertThat(answer.get("seq").asLong()).isGreaterThan(0);
        }
        JsonNode page = asBob.get(CHAT + "/conversations/" + conversation + "/messages").json();
        assertThat(page.valueStream().map(m -> m.get("text").asString()).toList()).containsExactly("hi alice", "hello bob");
    }

    @Test
    void aDeviceThatReconnectsWithItsCursorGetsEveryMessageOnceInOrder() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        long cursor = sync(asBob, 0).get("last_seq").asLong();
        List<String> heard = new ArrayList<>();
        try (StreamClient bobs = chatSocket(bob)) {
            for (String text : List.of("m1", "m2")) {
                send(asAlice, conversation, text);
                JsonNode entry = nextMessage(bobs);
                assertThat(entry.get("seq").asLong()).isGreaterThan(cursor);
                cursor = entry.get("seq").asLong();
                heard.add(entry.get("payload").get("text").asString());
            }
        }
        for (String text : List.of("m3", "m4", "m5")) {
            send(asAlice, conversation, text);
        }
        try (StreamClient bobs = chatSocket(bob)) {
            // Subscribed first, then caught up: what arrives live after the catch-up continues the sequence.
            JsonNode missed = sync(asBob, cursor);
            List<Long> seqs = missed.get("events").valueStream().map(e -> e.get("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates().allMatch(s -> s > 0);
            assertThat(seqs.getFirst()).isEqualTo(cursor + 1);
            heard.addAll(texts(missed.get("events")));
            cursor = missed.get("last_seq").asLong();

            send(asAlice, conversation, "m6");
            JsonNode live = nextMessage(bobs);
            // The live socket also replays nothing already caught up: the next entry is after the cursor.
            assertThat(live.get("seq").asLong()).isEqualTo(cursor + 1);
            heard.add(live.get("payload").get("text").asString());
        }
        assertThat(heard).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(texts(sync(asBob, 0).get("events"))).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
    }

    @Test
    void syncIsPagedWithALinkToTheNextPage() {
        String conversation = direct(asAlice, bob);
        for (int i = 0; i < 5; i++) {
            send(asAlice, conversation, "p" + i);
        }
        Api.Response first = asAlice.get(CHAT + "/sync?since=0&limit=3");
        assertThat(first.json().get("events")).hasSize(3);
        assertThat(first.json().get("more").asBoolean()).isTrue();
        String next = first.header("Link").replaceAll("^<([^>]+)>.*$", "$1");
        assertThat(next).contains("since=" + first.json().get("last_seq").asLong());
        JsonNode second = asAlice.get(next).json();
        assertThat(second.get("more").asBoolean()).isFalse();
        List<String> all = new ArrayList<>(texts(first.json().get("events")));
        all.addAll(texts(second.get("events")));
        assertThat(all).containsExactly("p0", "p1", "p2", "p3", "p4");
    }

    @Test
    void aResendReturnsTheSameMessageEvenConcurrently() throws Exception {
        String conversation = direct(asAlice, bob);
        Api.Response first = trySend(asAlice, conversation, "same-id", "only once");
        Api.Response again = trySend(asAlice, conversation, "same-id", "only once");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

        List<Callable<Api.Response>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> trySend(asAlice, conversation, "racing-id", "raced"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = new ArrayList<>();
            for (Future<Api.Response> result : pool.invokeAll(racers)) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(200);
                ids.add(result.get().json().get("id").asString());
            }
            assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(texts(sync(asBob, 0).get("events"))).containsExactly("only once", "raced");
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json()).hasSize(2);
    }

    @Test
    void aFirstMessageFromAStrangerIsARequestUntilAccepted() {
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "hello stranger");
        JsonNode requests = asBob.get(CHAT + "/conversations?state=request").json();
        assertThat(ids(requests)).containsExactly(conversation);
        assertThat(requests.get(0).get("state").asString()).isEqualTo("request");
        assertThat(requests.get(0).get("unread_count").asLong()).isEqualTo(1);
        assertThat(asBob.get(CHAT + "/conversations?state=active").json()).isEmpty();
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation).json().get("state").asString()).isEqualTo("active");

        Api.Response accepted = asBob.postJson(CHAT + "/conversations/" + conversation + "/accept", Map.of());
        assertThat(accepted.json().get("state").asString()).isEqualTo("active");
        assertThat(asBob.get(CHAT + "/conversations?state=request").json()).isEmpty();
        assertThat(ids(asBob.get(CHAT + "/conversations").json())).containsExactly(conversation);
    }

    @Test
    void readReceiptsMoveTheReadPositionAndTheUnreadCount() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "one");
        String second = send(asAlice, conversation, "two").get("id").asString();
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).json().get("unread_count").asLong()).isEqualTo(2);
        try (StreamClient alices = chatSocket(alice)) {
            Api.Response read = asBob.postJson(CHAT + "/conversations/" + conversation + "/read",
                    Map.of("last_read_id", second));
            assertThat(read.json().get("unread_count").asLong()).isZero();
            JsonNode receipt = nextEntry(alices);
            assertThat(receipt.get("type").asString()).isEqualTo("chat.read");
            assertThat(receipt.get("payload").get("last_read_id").asString()).isEqualTo(second);
            assertThat(receipt.get("payload").get("account_id").asString()).isEqualTo(bob.id());
        }
        JsonNode seen = asBob.get(CHAT + "/conversations/" + conversation).json();
        assertThat(seen.get("unread_count").asLong()).isZero();
        assertThat(seen.get("last_read_id").asString()).isEqualTo(second);
    }

    @Test
    void aConversationShowsTheOtherPeopleAndTheNewestMessageEachViewerCanRead() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        JsonNode fresh = asAlice.get(CHAT + "/conversations").json().get(0);
        assertThat(fresh.get("id").asString()).isEqualTo(conversation);
        assertThat(fresh.get("account_ids").valueStream().map(JsonNode::asString).toList()).containsExactly(bob.id());
        assertThat(fresh.get("last_message").isNull()).as("nothing sent yet").isTrue();

        send(asAlice, conversation, "one");
        String two = send(asBob, conversation, "two").get("id").asString();
        JsonNode alices = asAlice.get(CHAT + "/conversations").json().get(0);
        assertThat(alices.get("last_message").get("text").asString()).isEqualTo("two");
        assertThat(alices.get("last_message").get("account_id").asString()).isEqualTo(bob.id());
        assertThat(alices.get("last_message").get("reactions").isArray()).isTrue();
        JsonNode bobs = asBob.get(CHAT + "/conversations/" + conversation).json();
        assertThat(bobs.get("account_ids").valueStream().map(JsonNode::asString).toList()).containsExactly(alice.id());
        assertThat(bobs.get("last_message").get("id").asString()).isEqualTo(two);

        // Deleted for her only: she sees the message before it; he still sees his.
        asAlice.postJson(CHAT + "/conversations/" + conversation + "/messages/" + two + "/hide", Map.of());
        assertThat(asAlice.get(CHAT + "/conversations").json().get(0).get("last_message").get("text").asString())
                .isEqualTo("one");
        assertThat(asBob.get(CHAT + "/conversations").json().get(0).get("last_message").get("text").asString())
                .isEqualTo("two");
        // Deleted for everyone: gone for him too.
        asBob.delete(CHAT + "/conversations/" + conversation + "/messages/" + two);
        assertThat(asBob.get(CHAT + "/conversations").json().get(0).get("last_message").get("text").asString())
                .isEqualTo("one");
    }

    @Test
    void aGroupShowsItsFirstFewOtherMembers() {
        List<String> others = new ArrayList<>();
        List<String> everyone = new ArrayList<>(List.of(bob.id()));
        for (int i = 0; i < 4; i++) {
            everyone.add(quickUser().id());
        }
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "five",
                "account_ids", everyone)).json().get("id").asString();
        JsonNode view = asAlice.get(CHAT + "/conversations/" + group).json();
        view.get("account_ids").valueStream().map(JsonNode::asString).forEach(others::add);
        assertThat(view.get("member_count").asInt()).isEqualTo(6);
        assertThat(others).hasSize(4).doesNotContain(alice.id()).isSubsetOf(everyone);
    }

    @Test
    void theSenderEditsAndDeletesForEveryone() {
        String conversation = direct(asAlice, bob);
        String id = send(asAlice, conversation, "typo").get("id").asString();
        String path = CHAT + "/conversations/" + conversation + "/messages/" + id;
        assertThat(asBob.send("PUT", path, "application/json", "{\"text\":\"not mine\"}").status()).isEqualTo(403);
        Api.Response edited = asAlice.send("PUT", path, "application/json", "{\"text\":\"fixed\"}");
        assertThat(edited.json().get("text").asString()).isEqualTo("fixed");
        assertThat(edited.json().get("edited_at").isNull()).isFalse();
        assertThat(asAlice.delete(path).json().get("deleted_at").isNull()).isFalse();
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json()).isEmpty();
        List<String> types = sync(asBob, 0).get("events").valueStream().map(e -> e.get("type").asString()).toList();
        assertThat(types).containsSubsequence("chat.message", "chat.message.update", "chat.message.delete");
    }
}
