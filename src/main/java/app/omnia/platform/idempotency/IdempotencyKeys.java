package app.omnia.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.ApiException;

/**
 * {@code Idempotency-Key} with Stripe's rules: the same caller, key and request body give the first
 * request's resource again; the same key with another body is refused (422); keys live at least 24 hours.
 * The key row is written in the caller's transaction before the work, so concurrent duplicates wait for
 * the first and then see its result: the work happens once.
 */
@Repository
public class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY = 255;

    private final JdbcClient jdbc;
    private final Clock clock;

    public IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code work} (which returns the id of what it created) once per key; a repeat returns the first
     * id. Must be called inside the transaction that does the work.
     *
     * @param key the header's value, or null when the caller sent none (then the work simply runs)
     */
    public long once(long ownerId, String key, String requestFingerprint, LongSupplier work) {
        if (key == null || key.isBlank()) {
            return work.getAsLong();
        }
        if (key.length() > MAX_KEY) {
            throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key is longer than 255 characters");
        }
        String hash = Tokens.hash(requestFingerprint);
        Optional<Long> replay = existing(ownerId, key, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        // ON CONFLICT waits for a concurrent first request to commit, and then inserts nothing.
        int inserted = jdbc.sql("""
                INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(ownerId, key, hash, SqlTime.of(clock.instant())).update();
        if (inserted == 0) {
            return existing(ownerId, key, hash).orElseThrow(() -> ApiException.conflict(
                    "A request with this Idempotency-Key is still in progress; retry shortly"));
        }
        long id = work.getAsLong();
        jdbc.sql("UPDATE idempotency_keys SET resource_id = ? WHERE owner_id = ? AND idem_key = ?")
                .params(id, ownerId, key).update();
        return id;
    }

    private Optional<Long> existing(long ownerId, String key, String hash) {
        return jdbc.sql("SELECT request_hash, resource_id FROM idempotency_keys WHERE owner_id = ? AND idem_key = ?")
                .params(ownerId, key)
                .query((rs, i) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw ApiException.unprocessable(
                                "Idempotency-Key was already used with a different request");
                    }
                    long id = rs.getLong("resource_id");
                    return rs.wasNull() ? null : id;
                })
                .optional();
    }

    /** Forgets keys past their retention; run periodically. */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(SqlTime.of(clock.instant().minus(age))).update();
    }
}
