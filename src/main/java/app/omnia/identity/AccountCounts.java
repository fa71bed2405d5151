package app.omnia.identity;

/** The counters shown on a profile. Kept by the social module, which knows follows and statuses. */
public record AccountCounts(long followers, long following, long statuses) {

    public static final AccountCounts NONE = new AccountCounts(0, 0, 0);

    /**
     * Where the counters come from: implemented by the module that owns follows and statuses, so that
     * identity does not depend on it.
     */
    public interface Source {
        AccountCounts of(long accountId);

        /** Follow requests waiting for this (locked) account: shown to its owner only. */
        long pendingFollowRequests(long accountId);
    }
}
