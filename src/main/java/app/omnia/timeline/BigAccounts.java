package app.omnia.timeline;

import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.social.HomeTimelineQueries;

/**
 * The authors with more followers than the fan-out threshold. Their posts are not copied into followers'
 * timelines but merged in when home is read, so both sides must agree on who they are: both ask this set,
 * which every copy recomputes from the database each minute ({@link FanOut} drives it, and catches up the
 * followers of an account that fell below the threshold, whose posts were not copied until then).
 */
@Component
class BigAccounts {

    private final HomeTimelineQueries queries;
    private volatile int threshold;
    private volatile Set<Long> accounts = Set.of();

    BigAccounts(HomeTimelineQueries queries, OmniaProperties properties) {
        this.queries = queries;
        this.threshold = properties.timelineSettings().fanOutThreshold();
    }

    boolean contains(long accountId) {
        return accounts.contains(accountId);
    }

    Set<Long> all() {
        return accounts;
    }

    /** Recomputes the set, handing each account that joins it to {@code joining} first; returns those that left it. */
    Set<Long> refresh(java.util.function.LongConsumer joining) {
        Set<Long> before = accounts;
        Set<Long> now = Set.copyOf(queries.accountsWithMoreFollowersThan(threshold));
        now.stream().filter(id -> !before.contains(id)).forEach(joining::accept);
        accounts = now;
        Set<Long> left = new java.util.HashSet<>(before);
        left.removeAll(now);
        return left;
    }

    /** For tests, which share one application context: change the threshold (then {@link FanOut#refreshBigAccounts}). */
    void threshold(int threshold) {
        this.threshold = threshold;
    }

    int threshold() {
        return threshold;
    }
}
