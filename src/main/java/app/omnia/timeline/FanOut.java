package app.omnia.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.platform.OmniaProperties;
import app.omnia.social.HomeEntry;
import app.omnia.social.HomeTimelineQueries;
import app.omnia.social.StatusDeleted;
import app.omnia.social.StatusPublished;

/**
 * Fan-out on write. Once a status is committed it goes into its author's own timeline at once (they see their
 * post on their next read), then, off the request thread, into the warm timelines of everyone it reaches: new
 * posts queue up and are written in batches, each batch one pipelined write per timeline reached, to the
 * followers {@link WarmAudiences} knows to be warm. Authors in {@link BigAccounts} are not copied to their
 * followers: their lines are kept once in the store, and home merges them in. A deleted status leaves the same timelines (those that still hold it;
 * hydration drops it anyway).
 */
@Component
class FanOut {

    /** Timelines written per Redis round trip. */
    static final int BATCH = 1_000;
    /** How many recent posts of an account that stopped being big are copied to its followers. */
    static final int CATCH_UP = 40;

    private final HomeTimelineStore store;
    private final HomeTimelineQueries queries;
    private final BigAccounts big;
    private final FanOutExecutor executor;

    private final WarmAudiences audiences;
    private final int maxEntries;

    FanOut(HomeTimelineStore store, HomeTimelineQueries queries, BigAccounts big, FanOutExecutor executor,
           WarmAudiences audiences, OmniaProperties properties) {
        this.maxEntries = properties.timelineSettings().maxEntries();
        this.store = store;
        this.queries = queries;
        this.big = big;
        this.executor = executor;
        this.audiences = audiences;
        executor.writePostsWith(this::fanOut);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusPublished published) {
        HomeEntry entry = published.line();
        store.push(entry, List.of(entry.authorId()));
        executor.submitPost(entry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusDeleted deleted) {
        HomeEntry entry = new HomeEntry(deleted.statusId(), deleted.authorId(), deleted.reblogOfId());
        store.remove(entry, List.of(entry.authorId()));
        if (big.contains(entry.authorId())) {
            store.removeFromAuthor(entry);
        }
        executor.submit(() -> inBatches(queries.audienceOf(deleted, !big.contains(entry.authorId())),
                batch -> store.remove(entry, batch)));
    }

    /** Writes a batch of new posts (those deleted meanwhile are gone from the database: skipped). */
    private void fanOut(List<HomeEntry> posts) {
        audiences.catchUp();
        Map<Long, HomeTimelineQueries.Reach> reach = queries.reach(posts.stream().map(HomeEntry::statusId).toList());
        // A big author's followers read it at home time; those it reaches otherwise (mentions, hashtags) get it.
        Set<Long> authors = new HashSet<>();
        reach.values().stream().filter(r -> r.toFollowers() && !big.contains(r.entry().authorId()))
                .forEach(r -> authors.add(r.entry().authorId()));
        Map<Long, WarmAudiences.Followers> followers = audiences.of(authors);
        Map<Long, List<HomeEntry>> lines = new HashMap<>();
        List<HomeEntry> bigAccountsLines = new ArrayList<>();
        for (HomeTimelineQueries.Reach post : reach.values()) {
            HomeEntry entry = post.entry();
            if (post.toFollowers() && big.contains(entry.authorId())) {
                bigAccountsLines.add(entry);
            }
            Set<Long> reached = new HashSet<>(post.others());
            WarmAudiences.Followers theirs = followers.get(entry.authorId());
            if (post.toFollowers() && theirs != null) {
                for (long follower : theirs.warm()) {
                    if (entry.reblogOfId() == null || !theirs.hidingReblogs().contains(follower)) {
                        reached.add(follower);
                    }
                }
            }
            reached.remove(entry.authorId());
            reached.forEach(account -> lines.computeIfAbsent(account, a -> new ArrayList<>()).add(entry));
        }
        store.pushAll(lines);
        store.pushToAuthors(bigAccountsLines);
    }

    /**
     * Keeps the big-account set current. Those joining it have their newest lines kept in the store before
     * they count as big (until then their posts are still copied); followers of those that left it get their
     * recent posts copied.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT0S")
    void refreshBigAccounts() {
        Set<Long> left = big.refresh(joining -> store.keepAuthor(joining, queries.newestLines(joining, maxEntries)));
        for (long author : left) {
            store.dropAuthor(author);
            executor.submit(() -> catchUp(author));
        }
    }

    private void catchUp(long author) {
        for (long statusId : queries.recentIds(author, CATCH_UP)) {
            queries.audience(statusId, true).ifPresent(audience ->
                    inBatches(audience.accounts(), batch -> store.push(audience.entry(), batch)));
        }
    }

    private static void inBatches(Set<Long> accounts, java.util.function.Consumer<List<Long>> write) {
        List<Long> batch = new ArrayList<>(Math.min(BATCH, accounts.size()));
        for (long id : accounts) {
            batch.add(id);
            if (batch.size() == BATCH) {
                write.accept(batch);
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            write.accept(batch);
        }
    }
}
