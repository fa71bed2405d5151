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

        /** Several accounts' counters at once (absent: none counted yet, so zero). */
        default java.util.Map<Long, AccountCounts> ofAll(java.util.Collection<Long> accountIds) {
            java.util.Map<Long, AccountCounts> all = new java.util.HashMap<>();
            accountIds.forEach(id -> all.put(id, of(id)));
            return all;
        }

        /** Follow requests waiting for this (locked) account: shown to its owner only. */
        long pendingFollowRequests(long accountId);
    }
}
