package app.omnia.moderation.domain;

import java.time.Instant;
import java.util.List;

/**
 * A report as stored; {@code outcome} is null while open, then {@code dismissed} or {@code actioned};
 * {@code trustedFlagger} when its reporter was a trusted flagger (DSA art. 22) when filing it.
 */
public record Report(long id, long accountId, long targetAccountId, ReportCategory category,
                     IllegalCategory illegalCategory, String comment, boolean forwarded, List<Long> ruleIds,
                     int severity, Long assignedAccountId, Long actionTakenByAccountId, Instant actionTakenAt,
                     String outcome, Instant createdAt, Instant updatedAt, boolean trustedFlagger) {

    public static final String DISMISSED = "dismissed";
    public static final String ACTIONED = "actioned";

    public boolean open() {
        return actionTakenAt == null;
    }

    /** What a report names: {@code status}, {@code media} or {@code message}, by id. */
    public record Item(String kind, long id) {}

    /**
     * A chat message copied when it was reported; {@code mediaFiles} names its images' original files in the
     * media store, kept there for this evidence.
     */
    public record Evidence(long messageId, long conversationId, long senderId, String text, boolean encrypted,
                           List<String> mediaFiles, Instant sentAt) {}
}
