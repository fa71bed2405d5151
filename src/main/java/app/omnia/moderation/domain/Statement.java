package app.omnia.moderation.domain;

import java.time.Instant;
import java.util.List;

/**
 * A statement of reasons (DSA art. 17): the decision, the facts, the ground (law or terms), whether it was
 * automated, where it applies and until when. {@code moderatorId} is null for automated decisions.
 */
public record Statement(long id, long accountId, Long moderatorId, Long reportId, Decision decision,
                        String subjectKind, long subjectId, String decisionGround, String category,
                        String legalGround, String facts, boolean automatedDetection, String automatedDecision,
                        String sourceType, List<String> territorialScope, String contentType, Instant contentDate,
                        Instant endsAt, Instant reversedAt, Instant createdAt) {

    public static final String ILLEGAL = "DECISION_GROUND_ILLEGAL_CONTENT";
    public static final String INCOMPATIBLE = "DECISION_GROUND_INCOMPATIBLE_CONTENT";
}
