package app.omnia.social;

/**
 * How one account now relates to another changed in a way that decides what its home timeline shows.
 * Listeners run once the transaction has committed.
 *
 * @param accountId whose home timeline is concerned
 * @param targetId  the account that was followed, unfollowed, blocked, muted or unmuted
 */
public record RelationshipChanged(long accountId, long targetId, Change change) {

    public enum Change {
        /** A new follow (also an accepted request), or a follow whose options (reblogs shown) changed. */
        FOLLOWED,
        /** Unfollowed, or removed from the target's followers. */
        UNFOLLOWED,
        /** Blocked: the follows both ways are gone; the blocked account's home is concerned too. */
        BLOCKED,
        MUTED,
        UNMUTED
    }
}
