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

    /** Inbox entries written by one transaction, to push after it commits. */
    record Appended(List<Inbox.Entry> entries) {}

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
