package app.omnia.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import app.omnia.messaging.persistence.Inbox;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.streaming.StreamEvent;
import app.omnia.platform.streaming.StreamRelay;
import app.omnia.platform.streaming.StreamResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code chat} stream on {@code /api/v1/streaming}: the subscriber's own inbox, as it is appended to, in
 * {@code seq} order with no gap from the moment of subscribing ({@link InOrderRelay}).
 */
@Component
class ChatStream implements StreamResolver {

    static final String NAME = "chat";

    /** How long an event is held waiting for an earlier one before the sync log is read instead. */
    static final Duration GAP_WAIT = Duration.ofMillis(250);
    /** Most events held per subscription; past this the sync log is read at once. */
    static final int MAX_HELD = 256;
    private static final int PAGE = 500;

    private final Inbox inbox;
    private final JsonMapper json;
    private final TaskScheduler scheduler;

    ChatStream(Inbox inbox, JsonMapper json, TaskScheduler scheduler) {
        this.inbox = inbox;
        this.json = json;
        this.scheduler = scheduler;
    }

    static String channel(long accountId) {
        return "chat:" + accountId;
    }

    @Override
    public Optional<Answer> resolve(Viewer viewer, String stream, String tag) {
        if (!NAME.equals(stream)) {
            return Optional.empty();
        }
        if (!viewer.hasScope(ChatScopes.READ)) {
            return StreamResolver.missingScope();
        }
        long me = viewer.accountId();
        return StreamResolver.channel(channel(me), relay(me));
    }

    /**
     * The baseline is the account's last seq when the subscription opens: everything after it reaches the
     * socket in order; what came before is the client's to fetch from {@code /sync}.
     */
    private StreamRelay.Factory relay(long me) {
        return send -> new InOrderRelay(inbox.lastSeq(me), send, (after, upTo) -> missing(me, after, upTo),
                this::after, GAP_WAIT, MAX_HELD);
    }

    private List<StreamEvent> missing(long me, long after, long upTo) {
        List<StreamEvent> found = new ArrayList<>();
        long cursor = after;
        while (cursor < upTo) {
            List<Inbox.Entry> page = inbox.since(me, cursor, (int) Math.min(PAGE, upTo - cursor));
            if (page.isEmpty()) {
                break;
            }
            for (Inbox.Entry entry : page) {
                found.add(new StreamEvent(channel(me), entry.type(), SyncEntries.json(entry, json), Set.of()));
            }
            cursor = page.getLast().seq();
        }
        return found;
    }

    /** The sync log is read on a virtual thread of its own, never on the scheduler's. */
    private Runnable after(Duration wait, Runnable task) {
        ScheduledFuture<?> scheduled = scheduler.schedule(() -> Thread.startVirtualThread(task),
                java.time.Instant.now().plus(wait));
        return () -> scheduled.cancel(false);
    }
}
