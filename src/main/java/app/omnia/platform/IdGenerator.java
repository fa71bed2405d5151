package app.omnia.platform;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * 64-bit, time-sorted ids: milliseconds since {@link #EPOCH} shifted left by 16, then 6 bits of node id
 * and 10 bits of sequence. Sorting ids sorts by creation time, which is what Mastodon's
 * {@code max_id}/{@code min_id} paging relies on. When a node makes more than 1,024 ids in one
 * millisecond it borrows the next millisecond rather than repeat an id.
 */
@Component
public class IdGenerator {

    /** 2020-01-01T00:00:00Z: 47 bits of milliseconds from here last until the 64-bit sign flips in ~6,000 years. */
    public static final long EPOCH = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    static final int NODE_BITS = 6;
    static final int SEQUENCE_BITS = 10;
    static final int MAX_NODE = (1 << NODE_BITS) - 1;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long node;
    private long lastMillis = -1;
    private long sequence;

    @Autowired
    public IdGenerator(Clock clock, OmniaProperties properties) {
        this(clock, properties.nodeId());
    }

    IdGenerator(Clock clock, int nodeId) {
        if (nodeId < 0 || nodeId > MAX_NODE) {
            throw new IllegalArgumentException("omnia.node-id must be between 0 and " + MAX_NODE);
        }
        this.clock = clock;
        this.node = nodeId;
    }

    public synchronized long next() {
        long now = clock.millis() - EPOCH;
        if (now > lastMillis) {
            lastMillis = now;
            sequence = 0;
        } else if (++sequence > MAX_SEQUENCE) {
            lastMillis++;
            sequence = 0;
        }
        return (lastMillis << 16) | (node << SEQUENCE_BITS) | sequence;
    }

    /** The smallest id that could have been made at {@code instant}: lets callers page by time. */
    public static long lowestIdAt(Instant instant) {
        return (instant.toEpochMilli() - EPOCH) << 16;
    }

    public static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >>> 16) + EPOCH);
    }
}
