package app.omnia.platform.ratelimit;

import java.time.Duration;

/**
 * Fixed-window hit counters, the one piece of rate limiting that must be shared by every server copy:
 * in this process by default, in Redis when it is configured.
 */
public interface RateCounter {

    /** Adds one hit to {@code key}'s window and returns the count and the time left in the window. */
    Window increment(String key, Duration period);

    /** The current window of {@code key} without adding to it (count 0 when none is open). */
    Window peek(String key);

    /** Forgets {@code key} (e.g. failed logins after a successful one). */
    void reset(String key);

    /**
     * Takes one hit back from {@code key}'s open window (a counted request that turned out to record nothing);
     * nothing happens when no window is open or it is at zero.
     */
    void decrement(String key);

    record Window(long count, Duration remaining) {}

    /** Counters in this process only: the default without Redis, and for tests. */
    static RateCounter inMemory(java.time.Clock clock) {
        return new InMemoryRateCounter(clock);
    }
}
