package app.omnia.messaging;

import java.util.List;

import org.springframework.stereotype.Service;

import app.omnia.messaging.persistence.Inbox;
import tools.jackson.databind.json.JsonMapper;

/** Everything a device missed: the account's inbox after its cursor, in sequence order. */
@Service
public class SyncService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** A page of entries (each already JSON, as the socket sends it) and the cursor to continue from. */
    public record Page(List<String> entries, long lastSeq, boolean more) {}

    private final Inbox inbox;
    private final JsonMapper json;

    SyncService(Inbox inbox, JsonMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    public Page since(long me, long since, int limit) {
        List<Inbox.Entry> found = inbox.since(me, since, limit + 1);
        boolean more = found.size() > limit;
        List<Inbox.Entry> page = more ? found.subList(0, limit) : found;
        long last = page.isEmpty() ? since : page.getLast().seq();
        return new Page(page.stream().map(e -> SyncEntries.json(e, json)).toList(), last, more);
    }

    public long lastSeq(long me) {
        return inbox.lastSeq(me);
    }
}
