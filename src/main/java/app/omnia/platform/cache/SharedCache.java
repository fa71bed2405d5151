package app.omnia.platform.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A read-through cache of rows by id in this process, kept correct across server copies: the database stays
 * the truth, and every write that changes a cached row calls {@link #invalidate}, which evicts it here once
 * the transaction is over and on every other copy through {@link SharedCaches}' broadcast.
 * <p>
 * A page loads its misses in one batch, which is not atomic with an eviction: a load that read a row just
 * before a write committed could put the old row back after the eviction. So each eviction is stamped with a
 * sequence number kept for a minute, and a load puts what it read, then takes it out again if the row was
 * evicted after the load began.
 * <p>
 * With Redis, a cache made with a value type also has a second, shared tier ({@link RemoteTier}): the misses
 * of this copy's memory are looked for there in one round trip before the loader runs, and what the loader
 * reads is written there for the other copies.
 */
public final class SharedCache<V> {

    /** Far longer than any load: a load older than this may in theory put a stale row back until the TTL. */
    private static final Duration TOMBSTONES = Duration.ofMinutes(1);

    private final String name;
    private final Cache<Long, V> entries;
    private final Cache<Long, Long> evictedAt;
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<Collection<Long>> broadcast;
    private final RemoteTier<V> remote;
    private final boolean enabled;

    SharedCache(String name, long maxSize, Duration ttl, Consumer<Collection<Long>> broadcast, RemoteTier<V> remote) {
        this.name = name;
        this.remote = remote;
        this.enabled = maxSize > 0;
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).recordStats().build();
        this.evictedAt = Caffeine.newBuilder().expireAfterWrite(TOMBSTONES).build();
        this.broadcast = broadcast;
    }

    public String name() {
        return name;
    }

    Cache<Long, V> entries() {
        return entries;
    }

    /**
     * The values of these ids: those cached, and the others from {@code loader}, called once with all the
     * misses (ids it does not return are not cached: a row that does not exist yet may exist soon).
     */
    public Map<Long, V> getAll(Collection<Long> ids, Function<Set<Long>, Map<Long, V>> loader) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        if (!enabled) {
            return new HashMap<>(loader.apply(new HashSet<>(ids)));
        }
        Map<Long, V> found = new HashMap<>(entries.getAllPresent(ids));
        Set<Long> missing = new HashSet<>();
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long began = sequence.get();
        long beganMillis = System.currentTimeMillis();
        if (remote != null) {
            Map<Long, V> shared = remote.getAll(missing);
            keep(shared, began);
            found.putAll(shared);
            missing.removeAll(shared.keySet());
            if (missing.isEmpty()) {
                return found;
            }
        }
        Map<Long, V> loaded = loader.apply(missing);
        keep(loaded, began);
        if (remote != null) {
            remote.putLoaded(loaded, beganMillis);
        }
        found.putAll(loaded);
        return found;
    }

    /** This copy's value of an id, without loading it (null when absent). */
    public V getIfPresent(long id) {
        return entries.getIfPresent(id);
    }

    /**
     * Taken before reading the database for {@link #put}: a value read after it is kept only if its id is not
     * evicted in between.
     */
    public long stamp() {
        return sequence.get();
    }

    /** Keeps a value read from the database since {@code stamp}, unless its id was evicted meanwhile (this copy only). */
    public void put(long id, V value, long stamp) {
        if (enabled) {
            keep(Map.of(id, value), stamp);
        }
    }

    /** Puts what a load read, then takes out again each row evicted since the load began. */
    private void keep(Map<Long, V> read, long began) {
        read.forEach((id, value) -> {
            entries.put(id, value);
            Long evicted = evictedAt.getIfPresent(id);
            if (evicted != null && evicted > began) {
                entries.invalidate(id);
            }
        });
    }

    /**
     * Evicts these ids once the current transaction is over (committed or rolled back: a load inside it may
     * have cached what it wrote), at once if there is none; here and on every other copy.
     */
    public void invalidate(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> copy = Set.copyOf(ids);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evictEverywhere(copy);
                }
            });
        } else {
            evictEverywhere(copy);
        }
    }

    public void invalidate(long id) {
        invalidate(Set.of(id));
    }

    /**
     * {@link #invalidate}, and in this copy's memory at once too: for rows that the same transaction reads again
     * after changing them (a reply that shows the relationship just changed), which must not come from before.
     */
    public void invalidateAtOnce(Collection<Long> ids) {
        if (!ids.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            evictHere(ids);
        }
        invalidate(ids);
    }

    private void evictEverywhere(Set<Long> ids) {
        if (remote != null) {
            remote.tombstone(ids);
        }
        evictHere(ids);
        broadcast.accept(ids);
    }

    /** Evicts on this copy only (a broadcast from another copy, or this one's own). */
    void evictHere(Collection<Long> ids) {
        for (Long id : ids) {
            // Stamp first, then evict: a load that checks after the stamp sees it, one that put before is evicted.
            evictedAt.put(id, sequence.incrementAndGet());
            entries.invalidate(id);
        }
    }

    /** Forgets everything, in both tiers (tests that change rows behind the application's back). */
    public void clear() {
        entries.invalidateAll();
        if (remote != null) {
            remote.clear();
        }
    }

    /** Forgets what this copy holds in memory only, as a restart would (tests of the shared tier). */
    public void clearHere() {
        entries.invalidateAll();
    }
}
