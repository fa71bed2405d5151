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
 *
 * <p>Two ways to use it: {@link #once} remembers the id of the resource created (replays re-render it);
 * {@link #lookup} / {@link #claim} / {@link #recordResponse} remember the first response itself (status and
 * body, a refusal included), for writes whose refusals are outcomes too (money: insufficient funds).
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
        Optional<Long> replay = lookup(ownerId, key, requestFingerprint).map(Recorded::resourceId);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!claim(ownerId, key, requestFingerprint)) {
            return lookup(ownerId, key, requestFingerprint).map(Recorded::resourceId).orElseThrow(() ->
                    ApiException.conflict("A request with this Idempotency-Key is still in progress; retry shortly"));
        }
        long id = work.getAsLong();
        jdbc.sql("UPDATE idempotency_keys SET resource_id = ? WHERE owner_id = ? AND idem_key = ?")
                .params(id, ownerId, key).update();
        return id;
    }

    /** What a key remembers: the resource made ({@link #once}) or the first response ({@link #recordResponse}). */
    public record Recorded(Long resourceId, Integer status, String body) {

        public boolean hasResponse() {
            return status != null;
        }
    }

    /**
     * The key's record when this caller used it before with the same request; empty when unused (or when the
     * first request has not committed yet). The same key with another request is a 422.
     */
    public Optional<Recorded> lookup(long ownerId, String key, String requestFingerprint) {
        checkLength(key);
        String hash = Tokens.hash(requestFingerprint);
        return jdbc.sql("""
                        SELECT request_hash, resource_id, response_status, response_body FROM idempotency_keys
                        WHERE owner_id = ? AND idem_key = ?""")
                .params(ownerId, key)
                .query((rs, i) -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        throw ApiException.unprocessable(
                                "Idempotency-Key was already used with a different request");
                    }
                    return new Recorded(rs.getObject("resource_id", Long.class),
                            rs.getObject("response_status", Integer.class), rs.getString("response_body"));
                })
                .optional();
    }

    /**
     * Takes the key for this request in the caller's transaction; false when someone already holds it. On
     * PostgreSQL a concurrent holder that has not committed makes this wait for it (ON CONFLICT), so a false
     * answer means the holder's outcome is there to read once this transaction ends.
     */
    public boolean claim(long ownerId, String key, String requestFingerprint) {
        checkLength(key);
        return jdbc.sql("""
                INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(ownerId, key, Tokens.hash(requestFingerprint), SqlTime.of(clock.instant())).update() == 1;
    }

    /** Remembers the first response of a claimed key, in the transaction that did the work. */
    public void recordResponse(long ownerId, String key, int status, String body) {
        jdbc.sql("UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE owner_id = ? AND idem_key = ?")
                .params(status, body, ownerId, key).update();
    }

    private static void checkLength(String key) {
        if (key.length() > MAX_KEY) {
            throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key is longer than 255 characters");
        }
    }

    /** Forgets keys past their retention; run periodically. */
    public int purgeOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(SqlTime.of(clock.instant().minus(age))).update();
    }
}
