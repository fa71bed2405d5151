package app.omnia.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdGeneratorTest {

    @Test
    void idsCarryTheirTimeAndNodeAndSortByCreation() {
        Instant now = Instant.parse("2026-11-22T12:00:00.123Z");
        IdGenerator ids = new IdGenerator(Clock.fixed(now, ZoneOffset.UTC), 5);

        long first = ids.next();
        long second = ids.next();

        assertThat(second).isGreaterThan(first);
        assertThat(IdGenerator.instantOf(first)).isEqualTo(now);
        assertThat((first >> 10) & 63).isEqualTo(5);
        assertThat(IdGenerator.lowestIdAt(now)).isLessThanOrEqualTo(first);
        assertThat(IdGenerator.lowestIdAt(now.plusMillis(1))).isGreaterThan(second);
    }

    @Test
    void moreThan1024IdsInOneMillisecondStayUniqueAndIncreasing() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 0);
        long previous = -1;
        for (int i = 0; i < 5000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        IdGenerator ids = new IdGenerator(Clock.systemUTC(), 1);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            java.util.List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        seen.add(ids.next());
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void aNodeIdOutsideSixBitsIsRefused() {
        assertThatThrownBy(() -> new IdGenerator(Clock.systemUTC(), 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdGenerator(Clock.systemUTC(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
