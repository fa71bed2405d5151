package app.omnia.messaging.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconnect contract over real sockets, as a client would implement it: keep the last sequence number
 * seen; on a jump, or after reconnecting, fill the gap from {@code /chat/sync}; ignore what is already held.
 */
@IntegrationTest
class ChatReconnectTest extends ChatFixture {

    private static final int MESSAGES = 40;

    /** What the receiving client holds: entries by sequence number, and the messages' texts in order. */
    private static final class Receiver {
        final Map<Long, String> bySeq = new LinkedHashMap<>();
        final List<String> texts = new ArrayList<>();
        final Map<Long, String> heardLive = new HashMap<>();
        long cursor;

        /** True when taken; an entry at or below the cursor is a duplicate and is dropped. */
        boolean take(JsonNode entry, boolean live) {
            long seq = entry.get("seq").asLong();
            if (seq <= cursor) {
                return false;
            }
            assertThat(seq).as("entries are taken without a gap").isEqualTo(cursor + 1);
            cursor = seq;
            String id = entry.get("payload").has("id") ? entry.get("payload").get("id").asString() : entry.get("type").asString();
            bySeq.put(seq, id);
            if (live) {
                heardLive.put(seq, id);
            }
            if (entry.get("type").asString().equals("chat.message")) {
                texts.add(entry.get("payload").get("text").asString());
            }
            return true;
        }
    }

    private void fillFromSync(Receiver receiver) {
        boolean more = true;
        while (more) {
            JsonNode page = sync(asBob, receiver.cursor);
            page.get("events").valueStream().forEach(e -> receiver.take(e, false));
            more = page.get("more").asBoolean();
        }
    }

    /** Reads live entries until {@code enough} messages are held, filling any jump in the sequence from sync. */
    private void listen(StreamClient socket, Receiver receiver, int enough) {
        while (receiver.texts.size() < enough) {
            JsonNode entry = nextEntry(socket);
            if (entry.get("seq").asLong() > receiver.cursor + 1) {
                fillFromSync(receiver);
            }
            receiver.take(entry, true);
        }
    }

    @Test
    void aSocketThatDropsWhileTheSenderKeepsSendingCatchesUpEveryMessageOnceInOrder() throws Exception {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        Receiver receiver = new Receiver();
        receiver.cursor = sync(asBob, 0).get("last_seq").asLong();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            expected.add("m" + i);
        }

        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> sending;
            try (StreamClient first = chatSocket(bob)) {
                sending = sender.submit(() -> expected.forEach(text -> send(asAlice, conversation, text)));
                listen(first, receiver, 5);
            } // the socket drops mid-stream; alice goes on sending
            try (StreamClient second = chatSocket(bob)) {
                // Subscribed first, then caught up: nothing falls between the two.
                fillFromSync(receiver);
                listen(second, receiver, MESSAGES);
                sending.get(60, TimeUnit.SECONDS);
            }
        } finally {
            sender.shutdownNow();
        }

        assertThat(receiver.texts).as("every message exactly once, in order").containsExactlyElementsOf(expected);
        Receiver reference = new Receiver();
        fillFromSync(reference);
        assertThat(receiver.heardLive).as("some arrived on the sockets").isNotEmpty();
        receiver.heardLive.forEach((seq, id) -> assertThat(reference.bySeq.get(seq))
                .as("the socket's seq %d is the sync log's", seq).isEqualTo(id));
        assertThat(receiver.bySeq).isEqualTo(reference.bySeq.entrySet().stream()
                .filter(e -> receiver.bySeq.containsKey(e.getKey()))
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    }
}
