package app.omnia.social.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * What {@link ViewerStates} already knows of each viewer: for the statuses of the pages they read lately, which
 * they favourited, bookmarked, reblogged or pinned (zero for none). Apart from its reader, so that the stores
 * that write favourites, bookmarks, reblogs and pins can evict it: each calls {@link #invalidate} with the
 * account that acted, and the whole entry of that viewer goes.
 */
@Component
public class ViewerStateCache {

    private final SharedCache<Map<Long, Byte>> cache;

    ViewerStateCache(SharedCaches caches, CacheSettings settings) {
        this.cache = caches.create("viewer-states", settings.accounts());
    }

    public void invalidate(long accountId) {
        cache.invalidateAtOnce(List.of(accountId));
    }

    public void invalidate(Collection<Long> accountIds) {
        cache.invalidateAtOnce(accountIds);
    }

    Map<Long, Byte> known(long viewerId) {
        return cache.getIfPresent(viewerId);
    }

    long stamp() {
        return cache.stamp();
    }

    void remember(long viewerId, Map<Long, Byte> flags, long stamp) {
        cache.put(viewerId, flags, stamp);
    }
}
