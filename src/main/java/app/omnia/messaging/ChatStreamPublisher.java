package app.omnia.messaging;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * After commit, each recipient's entry goes to its {@code chat:<account>} channel through the bus (so to
 * every server copy). Pub/sub keeps nothing and two commits may publish in either order: the sequence
 * numbers let a client see a gap and fill it from {@code GET /chat/sync}.
 */
@Component
class ChatStreamPublisher {

    private final StreamBus bus;
    private final JsonMapper json;

    ChatStreamPublisher(StreamBus bus, JsonMapper json) {
        this.bus = bus;
        this.json = json;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChatEvents.Appended appended) {
        if (appended.entries().isEmpty()) {
            return;
        }
        // One transaction's entries are one event's, for each recipient: what they share is rendered once.
        String header = SyncEntries.header(appended.entries().getFirst(), json);
        // No involved accounts: blocks are enforced when sending, not by hiding events afterwards.
        bus.publishAll(appended.entries().stream().map(entry -> new StreamEvent(ChatStream.channel(entry.accountId()),
                entry.type(), SyncEntries.json(entry, header), Set.of())).toList());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChatEvents.Live live) {
        bus.publishAll(live.accountIds().stream()
                .map(accountId -> new StreamEvent(ChatStream.channel(accountId), live.type(), live.json(), Set.of()))
                .toList());
    }
}
