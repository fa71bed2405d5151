package app.omnia.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import app.omnia.platform.streaming.StreamEvent;
import app.omnia.platform.streaming.StreamRelay;

/**
 * One socket's {@code chat} subscription: sends the account's sequenced events strictly in {@code seq} order,
 * each once, none skipped. Two transactions commit seq n and n+1 in that order (the counter row is locked until
 * commit) but publish after commit, so n+1 may be heard first: it is held until n arrives, or, if n has not come
 * within {@code wait} (or too many are held), the missing entries are read from the sync log and sent in order.
 * An event at or below the last one sent is a duplicate and is dropped. Events without {@code seq} (typing)
 * are sent at once.
 *
 * <p>Events may arrive on several threads (bus listeners, the deadline): the state is guarded by this object's
 * lock, held while sending, so sends leave in order. The sync log is read outside the lock.
 */
final class InOrderRelay implements StreamRelay {

    /** The sync log: entries with {@code after < seq <= upTo}, oldest first, as stream events. */
    @FunctionalInterface
    interface SyncLog {
        List<StreamEvent> between(long after, long upTo);
    }

    /** Runs a task once after a delay; the returned handle cancels it. */
    @FunctionalInterface
    interface Deadlines {
        Runnable after(Duration wait, Runnable task);
    }

    private final Consumer<StreamEvent> send;
    private final SyncLog log;
    private final Deadlines deadlines;
    private final Duration wait;
    private final int maxHeld;

    private final TreeMap<Long, StreamEvent> held = new TreeMap<>();
    /** The last seq sent (or, before any, the account's last seq when the subscription opened). */
    private long last;
    /** The highest seq heard; above {@code last} means something is missing or held. */
    private long highest;
    private Runnable pendingFill;
    private boolean filling;
    private boolean closed;

    InOrderRelay(long baseline, Consumer<StreamEvent> send, SyncLog log, Deadlines deadlines, Duration wait,
                 int maxHeld) {
        this.last = baseline;
        this.highest = baseline;
        this.send = send;
        this.log = log;
        this.deadlines = deadlines;
        this.wait = wait;
        this.maxHeld = maxHeld;
    }

    @Override
    public synchronized void accept(StreamEvent event) {
        if (closed) {
            return;
        }
        long seq = seqOf(event.payload());
        if (seq < 0) {
            send.accept(event);
            return;
        }
        if (seq <= last) {
            return;
        }
        highest = Math.max(highest, seq);
        if (held.size() < maxHeld || seq < held.lastKey()) {
            held.putIfAbsent(seq, event);
            if (held.size() > maxHeld) {
                held.pollLastEntry();
            }
        }
        // An event not kept for lack of room is still counted in highest: the sync log gives it back.
        sendReady();
        scheduleFill(held.size() >= maxHeld ? Duration.ZERO : wait);
    }

    @Override
    public synchronized void close() {
        closed = true;
        held.clear();
        cancelFill();
    }

    /** Reads what is missing from the sync log, then sends everything that is now in order. */
    void fill() {
        long after;
        long upTo;
        synchronized (this) {
            pendingFill = null;
            if (closed || highest <= last || filling) {
                return;
            }
            filling = true;
            after = last;
            upTo = highest;
        }
        List<StreamEvent> found = List.of();
        try {
            found = log.between(after, upTo);
        } finally {
            synchronized (this) {
                filling = false;
                for (StreamEvent event : found) {
                    long seq = seqOf(event.payload());
                    if (seq > last) {
                        held.putIfAbsent(seq, event);
                    }
                }
                sendReady();
                skipWhatTheLogLacks(upTo);
                scheduleFill(held.size() >= maxHeld ? Duration.ZERO : wait);
            }
        }
    }

    /**
     * Entries up to {@code upTo} are committed before they are published, so the log has them all; if one is
     * still missing (deleted since?), waiting longer would stall the socket for good: go on without it.
     */
    private void skipWhatTheLogLacks(long upTo) {
        if (last >= upTo) {
            return;
        }
        while (!held.isEmpty() && held.firstKey() <= upTo) {
            last = held.firstKey() - 1;
            sendReady();
        }
        last = Math.max(last, upTo);
        sendReady();
    }

    private void sendReady() {
        while (!held.isEmpty() && held.firstKey() <= last + 1) {
            Map.Entry<Long, StreamEvent> next = held.pollFirstEntry();
            if (next.getKey() == last + 1) {
                last = next.getKey();
                send.accept(next.getValue());
            }
        }
    }

    private void scheduleFill(Duration delay) {
        if (closed || highest <= last) {
            cancelFill();
            return;
        }
        if (filling) {
            return;
        }
        if (pendingFill != null && delay.isPositive()) {
            return;
        }
        cancelFill();
        pendingFill = deadlines.after(delay, this::fill);
    }

    private void cancelFill() {
        if (pendingFill != null) {
            pendingFill.run();
            pendingFill = null;
        }
    }

    /** Sequenced chat payloads start with {@code {"seq":N} (see {@link SyncEntries}); -1 for any other. */
    static long seqOf(String payload) {
        String prefix = "{\"seq\":";
        if (payload == null || !payload.startsWith(prefix)) {
            return -1;
        }
        long seq = 0;
        int i = prefix.length();
        int start = i;
        while (i < payload.length() && Character.isDigit(payload.charAt(i)) && i - start < 18) {
            seq = seq * 10 + (payload.charAt(i) - '0');
            i++;
        }
        return i == start ? -1 : seq;
    }
}
