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

    /** Inbox entries written by one transaction (one or more events, each for its recipients), to push after it commits. */
    record Appended(List<Inbox.Entry> entries) {}

    /** An event to record for these recipients (see {@link #recordAll}). */
    record ToRecord(long conversationId, String type, Object payload, Collection<Long> recipients, Inbox.Flags flags) {}

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
        recordAll(List.of(new ToRecord(conversationId, type, payload, recipients, flags)));
    }

    /** Several events in one go, each recipient's in this order (a batch of sends). */
    void recordAll(List<ToRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Inbox.NewEvent> stored = records.stream().map(r -> new Inbox.NewEvent(ids.next(), r.conversationId(),
                r.type(), json.writeValueAsString(r.payload()), clock.instant(), r.recipients(), r.flags())).toList();
        List<Inbox.Entry> entries = inbox.appendAll(stored).stream().flatMap(List::stream).toList();
        if (!entries.isEmpty()) {
            // One push for the whole batch: on Redis, one message however many sends it carries.
            publisher.publishEvent(new Appended(entries));
        }
    }
}
