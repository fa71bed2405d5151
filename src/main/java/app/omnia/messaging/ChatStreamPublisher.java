package app.omnia.messaging;

import java.util.HashMap;
import java.util.Map;
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
        // An event's recipients share most of its entry: that part is rendered once per event, not per recipient.
        Map<Long, String> headers = new HashMap<>();
        // No involved accounts: blocks are enforced when sending, not by hiding events afterwards.
        bus.publishAll(appended.entries().stream().map(entry -> new StreamEvent(ChatStream.channel(entry.accountId()),
                entry.type(), SyncEntries.json(entry, headers.computeIfAbsent(entry.eventId(),
                        id -> SyncEntries.header(entry, json))), Set.of())).toList());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ChatEvents.Live live) {
        bus.publishAll(live.accountIds().stream()
                .map(accountId -> new StreamEvent(ChatStream.channel(accountId), live.type(), live.json(), Set.of()))
                .toList());
    }
}
