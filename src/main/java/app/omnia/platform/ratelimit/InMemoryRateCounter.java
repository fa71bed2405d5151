package app.omnia.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Counters for a single server; expired windows are swept as new ones open, so memory stays bounded. */
class InMemoryRateCounter implements RateCounter {

    private record Counter(long count, long expiresAtMillis) {}

    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;
    private int sinceSweep;

    InMemoryRateCounter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Window increment(String key, Duration period) {
        long now = clock.millis();
        Counter counter = counters.compute(key, (k, old) -> old == null || old.expiresAtMillis() <= now
                ? new Counter(1, now + period.toMillis())
                : new Counter(old.count() + 1, old.expiresAtMillis()));
        maybeSweep(now);
        return new Window(counter.count(), Duration.ofMillis(counter.expiresAtMillis() - now));
    }

    @Override
    public Window peek(String key) {
        long now = clock.millis();
        Counter counter = counters.get(key);
        return counter == null || counter.expiresAtMillis() <= now ? new Window(0, Duration.ZERO)
                : new Window(counter.count(), Duration.ofMillis(counter.expiresAtMillis() - now));
    }

    @Override
    public void reset(String key) {
        counters.remove(key);
    }

    @Override
    public void decrement(String key) {
        long now = clock.millis();
        counters.computeIfPresent(key, (k, old) -> old.expiresAtMillis() <= now || old.count() <= 0 ? old
                : new Counter(old.count() - 1, old.expiresAtMillis()));
    }

    private void maybeSweep(long now) {
        boolean sweep;
        synchronized (this) {
            sweep = ++sinceSweep >= SWEEP_EVERY;
            if (sweep) {
                sinceSweep = 0;
            }
        }
        if (sweep) {
            counters.values().removeIf(c -> c.expiresAtMillis() <= now);
        }
    }
}
