package app.omnia.social;

import java.time.Instant;

/**
 * A supervised account wrote a status: it is kept unpublished (seen by its author only) until a reviewer
 * approves it. Published synchronously inside the writing transaction, so the review queue never misses one.
 */
public record StatusHeldForReview(long statusId, long accountId, Instant createdAt) {
}
