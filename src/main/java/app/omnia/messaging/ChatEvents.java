package app.omnia.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.omnia.messaging.persistence.Inbox;
import app.omnia.platform.IdGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a conversation event in the recipients' inboxes, inside the caller's transaction, and asks for it
 * to be pushed on the socket once committed ({@link ChatStreamPublisher}): an event is never pushed that
 * sync would not return.
 */
@Component
class ChatEvents {

    /** One event's inbox entries (one per recipient), to push after the transaction commits. */
    record Appended(List<Inbox.Entry> entries) {}

    /** An event for these accounts' sockets only (not in sync, no seq), pushed after the transaction commits. */
    record Live(Collection<Long> accountIds, String type, String json) {}

    private final Inbox inbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    ChatEvents(Inbox inbox, IdGenerator ids, Clock clock, JsonMapper json, ApplicationEventPublisher publisher) {
        this.inbox = inbox;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.publisher = publisher;
    }

    /**
     * Pushes an event shaped like a sync entry but without {@code seq} (so the socket's in-order relay passes
     * it straight through) to these accounts' sockets once the transaction commits; nothing is stored.
     */
    void pushLive(long conversationId, String type, Object payload, Collection<Long> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        String entry = "{\"type\":" + json.writeValueAsString(type)
                + ",\"conversation_id\":\"" + conversationId + "\""
                + ",\"created_at\":" + json.writeValueAsString(app.omnia.platform.web.JsonTime.of(clock.instant()))
                + ",\"payload\":" + json.writeValueAsString(payload) + "}";
        publisher.publishEvent(new Live(List.copyOf(recipients), type, entry));
    }

    void record(long conversationId, String type, Object payload, Collection<Long> recipients) {
        record(conversationId, type, payload, recipients, Inbox.Flags.NONE);
    }

    void record(long conversationId, String type, Object payload, Collection<Long> recipients, Inbox.Flags flags) {
        List<Inbox.Entry> entries = inbox.append(ids.next(), conversationId, type, json.writeValueAsString(payload),
                clock.instant(), recipients, flags);
        if (!entries.isEmpty()) {
            publisher.publishEvent(new Appended(entries));
        }
    }
}
