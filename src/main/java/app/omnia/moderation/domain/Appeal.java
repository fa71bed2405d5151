package app.omnia.moderation.domain;

import java.time.Instant;

/** An appeal of a statement; {@code outcome} is null while pending, then {@code upheld} or {@code reversed}. */
public record Appeal(long id, long statementId, long accountId, String text, String outcome, Long decidedBy,
                     String decisionText, Instant createdAt, Instant decidedAt) {

    public static final String UPHELD = "upheld";
    public static final String REVERSED = "reversed";
}
