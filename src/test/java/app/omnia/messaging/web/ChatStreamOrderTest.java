package app.omnia.messaging.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.messaging.persistence.Inbox;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import app.omnia.support.StreamClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The socket's side of ordering, over a real socket and the real bus: entries are written to the sync log
 * without being published (as if their publish were late or lost), then published out of order, twice or
 * not at all; the socket must show every entry once, in seq order.
 */
@app.omnia.support.IntegrationTest
class ChatStreamOrderTest extends ChatFixture {

    @Autowired
    Inbox inbox;
    @Autowired
    StreamBus bus;
    @Autowired
    IdGenerator ids;

    /** Writes an entry to bob's sync log, unpublished. */
    private Inbox.Entry logged(String conversation, String marker) {
        return inbox.append(ids.next(), Long.parseLong(conversation), "chat.test", "{\"marker\":\"" + marker + "\"}",
                Instant.now(), List.of(Long.parseLong(bob.id()))).getFirst();
    }

    private void publish(Inbox.Entry entry) {
        bus.publish(new StreamEvent("chat:" + bob.id(), entry.type(), "{\"seq\":" + entry.seq()
                + ",\"type\":\"chat.test\",\"conversation_id\":\"" + entry.conversationId() + "\",\"payload\":"
                + entry.payload() + "}", Set.of()));
    }

    @Test
    void eventsPublishedInReverseOrderReachTheSocketInOrderAndDuplicatesDoNot() {
        String conversation = direct(asAlice, bob);
        try (StreamClient socket = chatSocket(bob)) {
            Inbox.Entry first = logged(conversation, "a");
            Inbox.Entry second = logged(conversation, "b");
            assertThat(second.seq()).isEqualTo(first.seq() + 1);
            publish(second);
            publish(first);
            assertThat(nextEntry(socket).get("seq").asLong()).isEqualTo(first.seq());
            assertThat(nextEntry(socket).get("seq").asLong()).isEqualTo(second.seq());
            publish(first);
            publish(second);
            send(asAlice, conversation, "after");
            JsonNode next = nextEntry(socket);
            assertThat(next.get("seq").asLong()).as("duplicates dropped: the next is the new message")
                    .isEqualTo(second.seq() + 1);
            assertThat(next.get("payload").get("text").asString()).isEqualTo("after");
        }
    }

    @Test
    void anEntryWhosePublishNeverComesIsReadFromTheSyncLogAndSentFirst() {
        String conversation = direct(asAlice, bob);
        try (StreamClient socket = chatSocket(bob)) {
            Inbox.Entry lost = logged(conversation, "lost");
            Inbox.Entry later = logged(conversation, "later");
            publish(later);
            JsonNode filled = nextEntry(socket);
            assertThat(filled.get("seq").asLong()).isEqualTo(lost.seq());
            assertThat(filled.get("payload").get("marker").asString()).isEqualTo("lost");
            JsonNode fromSync = sync(asBob, lost.seq() - 1).get("events").get(0);
            assertThat(filled).as("the socket's entry is the sync log's").isEqualTo(fromSync);
            assertThat(nextEntry(socket).get("seq").asLong()).isEqualTo(later.seq());
        }
    }

    @Test
    void typingIsNotHeldBehindAGap() {
        String conversation = direct(asAlice, bob);
        asBob.postJson(CHAT + "/conversations/" + conversation + "/accept", java.util.Map.of());
        try (StreamClient socket = chatSocket(bob)) {
            logged(conversation, "missing");
            Inbox.Entry held = logged(conversation, "held");
            publish(held);
            assertThat(asAlice.postJson(CHAT + "/conversations/" + conversation + "/typing", java.util.Map.of())
                    .status()).isEqualTo(200);
            assertThat(nextEntry(socket).get("type").asString()).isEqualTo("chat.typing");
        }
    }
}
