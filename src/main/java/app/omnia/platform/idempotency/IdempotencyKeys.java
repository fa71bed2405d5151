package app.omnia.platform.idempotency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.persistence.SqlDialect;
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
 * body, a refusal included), for writes whose refusals are outcomes too (money: insufficient funds). The two
 * combine: a front that claimed a key and answers with the first response can call a service that uses
 * {@link #once}, which then ties the resource it makes to that claim in its own transaction (the wallet's
 * creations: a retry after a crash finds the resource instead of making a second one).
 * {@link #claimAll} / {@link #lookupAll} / {@link #recordResponses} do the same for many keys in a constant
 * number of round trips, for a writer that applies a batch of requests in one transaction (on PostgreSQL one
 * statement each over arrays, see {@link SqlDialect}).
 */
@Repository
public class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY = 255;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final SqlDialect dialect;

    public IdempotencyKeys(JdbcClient jdbc, JdbcTemplate template, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.dialect = dialect;
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
        checkLength(key);
        Optional<Row> row = find(ownerId, key);
        if (row.isPresent() && row.get().recorded().equals(UNANSWERED)) {
            // Claimed in a transaction of its own by the request's front (a keyed reply), which compared the
            // request; the resource is tied to the key in this transaction, so that a retry after a crash finds it.
            long id = work.getAsLong();
            if (jdbc.sql("""
                    UPDATE idempotency_keys SET resource_id = ?
                    WHERE owner_id = ? AND idem_key = ? AND resource_id IS NULL AND response_status IS NULL""")
                    .params(id, ownerId, key).update() != 1) {
                throw ApiException.conflict("A request with this Idempotency-Key is still in progress; retry shortly");
            }
            return id;
        }
        Optional<Long> replay = row.map(r -> r.sameRequestOrThrow(requestFingerprint)).map(Recorded::resourceId);
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
        return find(ownerId, key).map(row -> row.sameRequestOrThrow(requestFingerprint));
    }

    /** The id of the resource a key's request made, whatever the request: for its own front, which compared it. */
    public Optional<Long> resourceOf(long ownerId, String key) {
        return find(ownerId, key).map(row -> row.recorded().resourceId());
    }

    /** A claimed key with neither a resource nor a response yet. */
    private static final Recorded UNANSWERED = new Recorded(null, null, null);

    /** A key's row: the hash of the request that took it, and what it remembers. */
    private record Row(String requestHash, Recorded recorded) {

        Recorded sameRequestOrThrow(String requestFingerprint) {
            if (!requestHash.equals(Tokens.hash(requestFingerprint))) {
                throw otherRequest();
            }
            return recorded;
        }
    }

    private Optional<Row> find(long ownerId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, resource_id, response_status, response_body FROM idempotency_keys
                        WHERE owner_id = ? AND idem_key = ?""")
                .params(ownerId, key)
                .query((rs, i) -> row(rs))
                .optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("request_hash"), new Recorded(rs.getObject("resource_id", Long.class),
                rs.getObject("response_status", Integer.class), rs.getString("response_body")));
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

    /**
     * Remembers the first response of a claimed key, in the transaction that did the work or just after it;
     * false when the key already has one (it is never replaced).
     */
    public boolean recordResponse(long ownerId, String key, int status, String body) {
        return jdbc.sql("""
                UPDATE idempotency_keys SET response_status = ?, response_body = ?
                WHERE owner_id = ? AND idem_key = ? AND response_status IS NULL""")
                .params(status, body, ownerId, key).update() == 1;
    }

    /**
     * Remembers {@code status} and {@code body} as the response of a key whose request made its resource but
     * was claimed longer than {@code abandonedAfter} ago and never answered (its server died in between):
     * true when this caller wrote it.
     */
    public boolean answerAbandoned(long ownerId, String key, int status, String body, Duration abandonedAfter) {
        return jdbc.sql("""
                UPDATE idempotency_keys SET response_status = ?, response_body = ?
                WHERE owner_id = ? AND idem_key = ? AND response_status IS NULL AND created_at < ?""")
                .params(status, body, ownerId, key, SqlTime.of(clock.instant().minus(abandonedAfter))).update() == 1;
    }

    /**
     * Takes over a key claimed for this request but left without an answer for longer than
     * {@code abandonedAfter} (its holder died before recording one): true when this caller now holds it.
     */
    public boolean takeOver(long ownerId, String key, String requestFingerprint, Duration abandonedAfter) {
        var now = clock.instant();
        return jdbc.sql("""
                UPDATE idempotency_keys SET created_at = ?
                WHERE owner_id = ? AND idem_key = ? AND request_hash = ? AND resource_id IS NULL
                  AND response_status IS NULL AND created_at < ?""")
                .params(SqlTime.of(now), ownerId, key, Tokens.hash(requestFingerprint),
                        SqlTime.of(now.minus(abandonedAfter))).update() == 1;
    }

    /**
     * Gives back a claimed key left without an answer, so that a retry runs afresh; false when its request made
     * a resource, which keeps the key.
     */
    public boolean release(long ownerId, String key) {
        return jdbc.sql("""
                DELETE FROM idempotency_keys
                WHERE owner_id = ? AND idem_key = ? AND resource_id IS NULL AND response_status IS NULL""")
                .params(ownerId, key).update() == 1;
    }

    /** One key of a batch: this caller, this key, for this request. */
    public record Claim(long ownerId, String key, String requestFingerprint) {}

    /**
     * {@link #claim} for several distinct keys in one round trip: for each claim, in order, whether the caller
     * now holds its key. Claimed in (owner, key) order, so that two batches taking the same keys wait for each
     * other in line rather than in a circle. On PostgreSQL one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT
     * DO NOTHING RETURNING} whose returned rows are the keys taken; elsewhere one JDBC batch of single inserts,
     * whose counts say the same.
     */
    public boolean[] claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return new boolean[0];
        }
        claims.forEach(c -> checkLength(c.key()));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> claims.get(i).ownerId())
                .thenComparing(i -> claims.get(i).key()));
        List<Claim> sorted = order.stream().map(claims::get).toList();
        boolean[] taken = dialect.postgres() ? claimSorted(sorted) : claimSortedOneByOne(sorted);
        boolean[] claimed = new boolean[claims.size()];
        for (int i = 0; i < taken.length; i++) {
            claimed[order.get(i)] = taken[i];
        }
        return claimed;
    }

    /**
     * One statement; the rows go in in the arrays' order (ordinality), so the keys are taken in the caller's
     * order. A key twice in the claims is taken by its first claim only, as one by one.
     */
    private boolean[] claimSorted(List<Claim> sorted) {
        Map<Long, Map<String, Integer>> firstIndex = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            firstIndex.computeIfAbsent(sorted.get(i).ownerId(), o -> new HashMap<>())
                    .putIfAbsent(sorted.get(i).key(), i);
        }
        boolean[] taken = new boolean[sorted.size()];
        jdbc.sql("""
                INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, created_at)
                SELECT c.owner_id, c.idem_key, c.request_hash, ?::timestamptz
                FROM unnest(?::bigint[], ?::varchar[], ?::varchar[]) WITH ORDINALITY AS c (owner_id, idem_key, request_hash, n)
                ORDER BY c.n
                ON CONFLICT DO NOTHING RETURNING owner_id, idem_key""")
                .params(SqlTime.of(clock.instant()), sorted.stream().map(Claim::ownerId).toArray(Long[]::new),
                        sorted.stream().map(Claim::key).toArray(String[]::new),
                        sorted.stream().map(c -> Tokens.hash(c.requestFingerprint())).toArray(String[]::new))
                .query(rs -> {
                    taken[firstIndex.get(rs.getLong("owner_id")).get(rs.getString("idem_key"))] = true;
                });
        return taken;
    }

    private boolean[] claimSortedOneByOne(List<Claim> sorted) {
        var now = SqlTime.of(clock.instant());
        int[] counts = template.batchUpdate("""
                INSERT INTO idempotency_keys (owner_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, sorted.stream()
                .map(c -> new Object[] {c.ownerId(), c.key(), Tokens.hash(c.requestFingerprint()), now}).toList());
        boolean[] taken = new boolean[sorted.size()];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                // Which rows went in cannot be guessed safely: fail the transaction rather than move money twice.
                throw new IllegalStateException("The JDBC driver gave no per-row counts for an idempotency claim");
            }
            taken[i] = counts[i] == 1;
        }
        return taken;
    }

    /** What {@link #lookupAll} found for one key; {@link #get} raises that key's 422, for that key only. */
    public record Lookup(Recorded recorded, boolean usedByOtherRequest) {

        public Optional<Recorded> get() {
            if (usedByOtherRequest) {
                throw otherRequest();
            }
            return Optional.ofNullable(recorded);
        }
    }

    /** {@link #lookup} for several keys in one query: for each claim, in order, what its key remembers. */
    public List<Lookup> lookupAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        claims.forEach(c -> checkLength(c.key()));
        Map<Long, Map<String, Row>> rows = new HashMap<>();
        String columns = "SELECT owner_id, idem_key, request_hash, resource_id, response_status, response_body "
                + "FROM idempotency_keys WHERE ";
        var select = dialect.postgres()
                ? jdbc.sql(columns + "(owner_id, idem_key) IN (SELECT * FROM unnest(?::bigint[], ?::varchar[]))")
                        .params(claims.stream().map(Claim::ownerId).toArray(Long[]::new),
                                claims.stream().map(Claim::key).toArray(String[]::new))
                : jdbc.sql(columns + "owner_id IN (:owners) AND idem_key IN (:keys)")
                        .param("owners", claims.stream().map(Claim::ownerId).distinct().toList())
                        .param("keys", claims.stream().map(Claim::key).distinct().toList());
        select.query(rs -> {
            rows.computeIfAbsent(rs.getLong("owner_id"), o -> new HashMap<>()).put(rs.getString("idem_key"),
                    row(rs));
        });
        return claims.stream().map(c -> {
            Row row = rows.getOrDefault(c.ownerId(), Map.of()).get(c.key());
            if (row == null) {
                return new Lookup(null, false);
            }
            return row.requestHash().equals(Tokens.hash(c.requestFingerprint())) ? new Lookup(row.recorded(), false)
                    : new Lookup(null, true);
        }).toList();
    }

    /** A first response to remember, for {@link #recordResponses}. */
    public record Response(long ownerId, String key, int status, String body) {}

    /** {@link #recordResponse} for several claimed keys: one UPDATE over arrays on PostgreSQL, else one JDBC batch. */
    public void recordResponses(List<Response> responses) {
        if (responses.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            jdbc.sql("""
                    UPDATE idempotency_keys k SET response_status = r.status, response_body = r.body
                    FROM unnest(?::bigint[], ?::varchar[], ?::int[], ?::varchar[]) AS r (owner_id, idem_key, status, body)
                    WHERE k.owner_id = r.owner_id AND k.idem_key = r.idem_key""")
                    .params(responses.stream().map(Response::ownerId).toArray(Long[]::new),
                            responses.stream().map(Response::key).toArray(String[]::new),
                            responses.stream().map(Response::status).toArray(Integer[]::new),
                            responses.stream().map(Response::body).toArray(String[]::new))
                    .update();
            return;
        }
        template.batchUpdate(
                "UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE owner_id = ? AND idem_key = ?",
                responses.stream().map(r -> new Object[] {r.status(), r.body(), r.ownerId(), r.key()}).toList());
    }

    /** The 422 for a key reused with another request, naming {@code Idempotency-Key}. */
    public static ApiException otherRequest() {
        String message = "Idempotency-Key was already used with a different request";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable", message,
                List.of(new ApiException.FieldError("Idempotency-Key", "ERR_TAKEN", message)), Map.of());
    }

    /** 400 naming {@code Idempotency-Key} when it is too long: for callers that check it before any lookup. */
    public static void checkLength(String key) {
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
