package app.omnia.social.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may vote on a poll and who sees its results. Seeing the poll itself is seeing its status
 * ({@link PostPolicy#canSee}); the caller checks that first. Pure, like {@link PostPolicy}.
 */
public final class PollPolicy {

    /** Why a vote is refused, with Mastodon's error code and wording. */
    public enum Refusal {
        OWN_POLL("ERR_INVALID", "You cannot vote in your own poll"),
        ENDED("ERR_INVALID", "The poll has already ended"),
        ALREADY_VOTED("ERR_TAKEN", "You have already voted on this poll");

        private final String code;
        private final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private PollPolicy() {
    }

    /** Empty when the viewer may vote now. The author never votes on their own poll (Mastodon's rule). */
    public static Optional<Refusal> refusal(long viewerId, Poll poll, Instant now, boolean alreadyVoted) {
        if (poll.accountId() == viewerId) {
            return Optional.of(Refusal.OWN_POLL);
        }
        if (poll.expired(now)) {
            return Optional.of(Refusal.ENDED);
        }
        if (alreadyVoted) {
            return Optional.of(Refusal.ALREADY_VOTED);
        }
        return Optional.empty();
    }

    /**
     * Per-option counts are shown unless the author chose to hide them until the end; then nobody sees them
     * early, the author included, as in Mastodon.
     */
    public static boolean showsTotals(Poll poll, Instant now) {
        return !poll.hideTotals() || poll.expired(now);
    }

    /** Mastodon reports the author as having voted, so that apps show them the results rather than a ballot. */
    public static boolean countsAsVoted(long viewerId, Poll poll, boolean votedThemselves) {
        return votedThemselves || viewerId == poll.accountId();
    }
}
