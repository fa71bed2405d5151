package app.omnia.social.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * The cache of {@link StatusCard}s, apart from their loader so that the stores that write statuses,
 * favourites, attachments and polls can invalidate it without depending on what reads it. Every writer of
 * something a card shows calls {@link #invalidate} with the statuses whose card it changes.
 */
@Component
public class StatusCardCache {

    private final SharedCache<StatusCard> cache;

    StatusCardCache(SharedCaches caches, CacheSettings settings) {
        this.cache = caches.createShared("statuses", settings.statuses(), StatusCard.class);
    }

    public void invalidate(Collection<Long> statusIds) {
        cache.invalidate(statusIds);
    }

    public void invalidate(Long statusId) {
        if (statusId != null) {
            cache.invalidate(statusId);
        }
    }

    Map<Long, StatusCard> getAll(Collection<Long> ids, Function<Set<Long>, Map<Long, StatusCard>> loader) {
        return cache.getAll(ids, loader);
    }

    /** Forgets what this copy holds in memory, keeping the shared tier (tests of a copy whose memory is cold). */
    public void clearHere() {
        cache.clearHere();
    }

    /** For tests that write rows behind the application's back. */
    public void clear() {
        cache.clear();
    }
}
