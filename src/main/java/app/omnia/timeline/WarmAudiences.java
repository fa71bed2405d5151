package app.omnia.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.social.HomeTimelineQueries;

/**
 * The followers of each author whose home timeline is warm: the only ones fan-out writes to. An author's
 * followers mostly have cold timelines (they have not read home for a month), so writing to all of them, or even
 * reading them all from the database for every post, is most of what posting would cost.
 *
 * <p>Exact, across copies: before each batch {@link #catchUp} reads the store's change log, which every copy
 * writes to when a timeline starts (before its rebuild reads the database) and when someone's followers change
 * (after the follow commits, before its backfill reads the database). A post committed after either has its
 * batch read the change first. Timelines that went cold stay in the warm set: writing to them is skipped by
 * the store, which checks that a timeline is warm.
 *
 * <p>Used by the one thread that writes post batches ({@link FanOutExecutor}): not thread-safe.
 */
@Component
class WarmAudiences {

    /** Authors whose warm followers are remembered (the least recently posting are forgotten first). */
    static final int AUTHORS = 50_000;

    /** An author's followers with a warm timeline, and those of them who do not want the author's reblogs. */
    record Followers(List<Long> warm, Set<Long> hidingReblogs) {

        Followers() {
            this(new ArrayList<>(), new HashSet<>());
        }

        void add(HomeTimelineQueries.Follow follow) {
            warm.add(follow.followerId());
            if (!follow.showsReblogs()) {
                hidingReblogs.add(follow.followerId());
            }
        }
    }

    private final HomeTimelineStore store;
    private final HomeTimelineQueries queries;
    private final Set<Long> warm = new HashSet<>();
    private final Map<Long, Followers> byAuthor = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Followers> eldest) {
            return size() > AUTHORS;
        }
    };
    private String cursor;

    WarmAudiences(HomeTimelineStore store, HomeTimelineQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /** Applies the changes logged since the last call: call it before each batch. */
    void catchUp() {
        AudienceChanges changes = store.changesSince(cursor);
        if (changes.complete()) {
            warm.clear();
            byAuthor.clear();
        }
        changes.followersChanged().forEach(byAuthor::remove);
        List<Long> newlyWarm = new ArrayList<>();
        for (long account : changes.warmed()) {
            if (warm.add(account)) {
                newlyWarm.add(account);
            }
        }
        if (!byAuthor.isEmpty() && !newlyWarm.isEmpty()) {
            // Who they follow gains a warm follower (the authors not remembered are read when they post).
            for (HomeTimelineQueries.Follow follow : queries.followedBy(newlyWarm)) {
                Followers known = byAuthor.get(follow.authorId());
                if (known != null) {
                    known.add(follow);
                }
            }
        }
        cursor = changes.cursor();
    }

    /** The warm followers of these authors (one query for those not remembered). */
    Map<Long, Followers> of(Collection<Long> authors) {
        Map<Long, Followers> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long author : authors) {
            Followers known = byAuthor.get(author);
            if (known != null) {
                found.put(author, known);
            } else {
                missing.add(author);
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, Followers> loaded = new HashMap<>();
            missing.forEach(author -> loaded.put(author, new Followers()));
            for (HomeTimelineQueries.Follow follow : queries.followersOf(missing)) {
                if (warm.contains(follow.followerId())) {
                    loaded.get(follow.authorId()).add(follow);
                }
            }
            byAuthor.putAll(loaded);
            found.putAll(loaded);
        }
        return found;
    }
}
