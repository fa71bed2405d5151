package app.omnia.platform.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's rules without a server: read-through, eviction after the transaction, races, broadcasts. */
class SharedCacheTest {

    private final SharedCaches caches = new SharedCaches(
            new StaticListableBeanFactory().getBeanProvider(StringRedisTemplate.class), new SimpleMeterRegistry(),
            new CacheSettings(100, 100, Duration.ofMinutes(10), 100, 100, Duration.ofMinutes(1), 100,
                    Duration.ofSeconds(1)));
    private final SharedCache<String> cache = caches.create("things", 100);
    private final AtomicInteger loads = new AtomicInteger();
    private final Map<Long, String> rows = new HashMap<>(Map.of(1L, "one", 2L, "two"));

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private Map<Long, String> read(Long... ids) {
        return cache.getAll(List.of(ids), missing -> {
            loads.incrementAndGet();
            Map<Long, String> found = new HashMap<>();
            missing.forEach(id -> {
                if (rows.containsKey(id)) {
                    found.put(id, rows.get(id));
                }
            });
            return found;
        });
    }

    @Test
    void missesAreLoadedInOneBatchThenServedFromMemory() {
        assertThat(read(1L, 2L, 3L)).containsOnly(Map.entry(1L, "one"), Map.entry(2L, "two"));
        assertThat(read(1L, 2L)).containsOnly(Map.entry(1L, "one"), Map.entry(2L, "two"));
        assertThat(loads).hasValue(1);
        rows.put(3L, "three");
        assertThat(read(3L)).containsOnly(Map.entry(3L, "three")); // a missing row is not remembered as missing
    }

    @Test
    void anInvalidationOutsideATransactionEvictsAtOnce() {
        read(1L);
        rows.put(1L, "uno");
        cache.invalidate(1L);
        assertThat(read(1L)).containsEntry(1L, "uno");
    }

    @Test
    void anInvalidationInsideATransactionEvictsWhenItEnds() {
        read(1L);
        TransactionSynchronizationManager.initSynchronization();
        rows.put(1L, "uno");
        cache.invalidate(1L);
        assertThat(read(1L)).as("not committed yet").containsEntry(1L, "one");
        List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        pending.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(read(1L)).containsEntry(1L, "uno");
    }

    @Test
    void aRowEvictedWhileItWasLoadingIsNotKept() {
        Map<Long, String> first = cache.getAll(List.of(1L), missing -> {
            Map<Long, String> old = Map.of(1L, rows.get(1L));
            rows.put(1L, "uno"); // a write commits after the load read the row...
            cache.evictHere(Set.of(1L)); // ...and its invalidation arrives before the load puts it
            return old;
        });
        assertThat(first).containsEntry(1L, "one");
        assertThat(read(1L)).containsEntry(1L, "uno");
    }

    @Test
    void anotherCopysInvalidationEvictsHere() {
        read(1L, 2L);
        rows.put(1L, "uno");
        rows.put(2L, "dos");
        caches.onMessage(new DefaultMessage(SharedCaches.CHANNEL.getBytes(StandardCharsets.UTF_8),
                "other-copy things 1,2".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(read(1L, 2L)).containsOnly(Map.entry(1L, "uno"), Map.entry(2L, "dos"));
        caches.onMessage(new DefaultMessage(new byte[0], "other-copy things x".getBytes(StandardCharsets.UTF_8)), null);
        caches.onMessage(new DefaultMessage(new byte[0], "other-copy nothing 1".getBytes(StandardCharsets.UTF_8)), null);
        caches.onMessage(new DefaultMessage(new byte[0], "things 1".getBytes(StandardCharsets.UTF_8)), null);
        assertThat(read(1L)).containsEntry(1L, "uno");
    }

    @Test
    void itsOwnInvalidationHeardBackDoesNotEvictWhatWasLoadedSince() {
        int before = loads.get();
        read(1L);
        caches.onMessage(new DefaultMessage(new byte[0], (caches.origin() + " things 1").getBytes(StandardCharsets.UTF_8)),
                null);
        read(1L);
        assertThat(loads.get() - before).isEqualTo(1);
    }

    @Test
    void aCacheOfSizeZeroAlwaysLoads() {
        SharedCache<String> off = caches.create("off", 0);
        off.getAll(List.of(1L), ids -> Map.of(1L, "a"));
        assertThat(off.getAll(List.of(1L), ids -> Map.of(1L, "b"))).containsEntry(1L, "b");
    }
}
