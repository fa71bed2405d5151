package app.omnia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import app.omnia.support.ManualClock;

/**
 * The instance's cached user count, with the clock moved by hand and the background recounts queued so the
 * test runs them when it chooses. The count itself stands in for the accounts table: how often it is read is
 * what is checked here.
 */
class InstanceStatsTest {

    private final ManualClock clock = new ManualClock();
    private final AtomicLong accounts = new AtomicLong(3);
    private final AtomicInteger counts = new AtomicInteger();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final InstanceStats stats = new InstanceStats(() -> {
        counts.incrementAndGet();
        return accounts.get();
    }, clock, Duration.ofSeconds(60), background::add);

    @Test
    void theFirstRequestCountsAndTheNextOnesWithinTheIntervalDoNot() {
        assertThat(stats.users()).isEqualTo(3);
        accounts.set(4);
        clock.advance(Duration.ofSeconds(59));

        assertThat(stats.users()).isEqualTo(3);
        assertThat(counts).hasValue(1);
        assertThat(background).isEmpty();
    }

    @Test
    void onceStaleRequestsAnswerAtOnceWhileOneRecountRunsAside() {
        stats.users();
        accounts.set(4);
        clock.advance(Duration.ofSeconds(60));

        assertThat(stats.users()).isEqualTo(3);
        assertThat(stats.users()).isEqualTo(3);
        assertThat(background).hasSize(1);
        assertThat(counts).hasValue(1);

        background.remove().run();
        assertThat(stats.users()).isEqualTo(4);
        assertThat(counts).hasValue(2);
        assertThat(background).isEmpty();
    }

    @Test
    void aFailedRecountKeepsTheOldCountAndTheNextRequestTriesAgain() {
        InstanceStats failing = new InstanceStats(() -> {
            if (counts.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return 3;
        }, clock, Duration.ofSeconds(60), background::add);
        failing.users();
        clock.advance(Duration.ofMinutes(2));
        failing.users();

        background.remove().run();

        assertThat(failing.users()).isEqualTo(3);
        assertThat(background).hasSize(1);
    }
}
