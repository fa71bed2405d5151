package app.omnia.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What was sent and what was heard. A message is registered before it is posted (its index is its
 * {@code client_message_id}, {@code m<index>}), with the time it was due to be sent and how many connected
 * sockets should hear it; each socket reports what it hears. Latency runs from the due time (not from when
 * the post actually left), so a load generator that falls behind shows up as latency rather than hiding it.
 */
final class ChatLedger implements DeliverySink {

    /** One measured stretch: its latencies (send due → heard, per recipient) and post response times. */
    static final class Phase {
        final String name;
        final Latencies delivery = new Latencies();
        final Latencies posting = new Latencies();
        final LongAdder accepted = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder expected = new LongAdder();
        volatile long firstDue;
        volatile long lastPosted;

        Phase(String name) {
            this.name = name;
        }
    }

    private final long[] due;
    private final int[] expected;
    private final Phase[] phaseOf;
    private final boolean[] accepted;
    private final AtomicIntegerArray heard;
    private final AtomicInteger next = new AtomicInteger();
    final LongAdder duplicates = new LongAdder();
    final LongAdder reordered = new LongAdder();
    final LongAdder unknown = new LongAdder();
    final LongAdder gaps = new LongAdder();

    ChatLedger(int capacity) {
        due = new long[capacity];
        expected = new int[capacity];
        phaseOf = new Phase[capacity];
        accepted = new boolean[capacity];
        heard = new AtomicIntegerArray(capacity);
    }

    int register(Phase phase, long dueNanos, int recipients) {
        int index = next.getAndIncrement();
        if (index >= due.length) {
            throw new IllegalStateException("More messages than the ledger was sized for");
        }
        due[index] = dueNanos;
        expected[index] = recipients;
        phaseOf[index] = phase;
        return index;
    }

    void posted(int index, boolean ok, long respondedNanos) {
        Phase phase = phaseOf[index];
        phase.posting.add(respondedNanos - due[index]);
        phase.lastPosted = Math.max(phase.lastPosted, respondedNanos);
        if (ok) {
            accepted[index] = true;
            phase.accepted.increment();
            phase.expected.add(expected[index]);
        } else {
            phase.failed.increment();
        }
    }

    /** Duplicates are filtered by the socket; the time may come from another process on this machine. */
    @Override
    public void heard(int index, long atNanos) {
        if (index < 0 || index >= next.get()) {
            unknown.increment();
            return;
        }
        heard.incrementAndGet(index);
        phaseOf[index].delivery.add(atNanos - due[index]);
    }

    @Override
    public void duplicate() {
        duplicates.increment();
    }

    @Override
    public void reordered() {
        reordered.increment();
    }

    @Override
    public void gap() {
        gaps.increment();
    }

    /** Deliveries still missing for the phase's accepted messages. */
    long missing(Phase phase) {
        long missing = 0;
        for (int i = 0, n = next.get(); i < n; i++) {
            if (phaseOf[i] == phase && accepted[i]) {
                missing += Math.max(0, expected[i] - heard.get(i));
            }
        }
        return missing;
    }

    /** Send-to-receive (or post response) times, in nanoseconds. */
    static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long count() {
            return size;
        }

        synchronized double percentileMillis(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.min(size - 1, Math.floor(p * size))] / 1e6;
        }

        String summary() {
            return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms", percentileMillis(0.5),
                    percentileMillis(0.99), percentileMillis(0.999), percentileMillis(1));
        }
    }
}
