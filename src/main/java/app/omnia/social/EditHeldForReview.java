package app.omnia.social;

import java.time.Instant;

/**
 * A supervised account edited one of its published statuses: the edit ({@code editId}) waits for a reviewer,
 * and the published version stays meanwhile. Published synchronously inside the editing transaction, so the
 * review queue never misses one.
 */
public record EditHeldForReview(long editId, long statusId, long accountId, Instant createdAt) {
}
