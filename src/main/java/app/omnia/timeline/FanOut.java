package app.omnia.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.social.HomeEntry;
import app.omnia.social.HomeTimelineQueries;
import app.omnia.social.StatusDeleted;
import app.omnia.social.StatusPublished;

/**
 * Fan-out on write. Once a status is committed it goes into its author's own timeline at once (they see their
 * post on their next read), then, off the request thread, into the warm timelines of everyone it reaches, in
 * pipelined batches. Authors in {@link BigAccounts} are not copied to their followers: home merges them in.
 * A deleted status leaves the same timelines (those that still hold it; hydration drops it anyway).
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

    FanOut(HomeTimelineStore store, HomeTimelineQueries queries, BigAccounts big, FanOutExecutor executor) {
        this.store = store;
        this.queries = queries;
        this.big = big;
        this.executor = executor;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusPublished published) {
        queries.entry(published.statusId()).ifPresent(entry -> {
            store.push(entry, List.of(entry.authorId()));
            executor.submit(() -> fanOut(entry));
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusDeleted deleted) {
        HomeEntry entry = new HomeEntry(deleted.statusId(), deleted.authorId(), deleted.reblogOfId());
        store.remove(entry, List.of(entry.authorId()));
        executor.submit(() -> inBatches(queries.audienceOf(deleted, !big.contains(entry.authorId())),
                batch -> store.remove(entry, batch)));
    }

    private void fanOut(HomeEntry entry) {
        // A big author's followers read it at home time; those it reaches otherwise (mentions, hashtags) get it.
        queries.audience(entry.statusId(), !big.contains(entry.authorId())).ifPresent(audience ->
                inBatches(audience.accounts(), batch -> store.push(audience.entry(), batch)));
    }

    /** Keeps the big-account set current; followers of those that left it get their recent posts copied. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT0S")
    void refreshBigAccounts() {
        for (long author : big.refresh()) {
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
