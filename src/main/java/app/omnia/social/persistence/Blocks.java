package app.omnia.social.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/**
 * Who blocks whom. Most questions are asked "either way": a block hides both accounts from each other.
 * {@link #eitherWay} answers from a cache of each account's {@link #hiddenFrom} set (every write here evicts
 * both accounts, on every copy); an account blocked by or blocking more than {@link #MOST_CACHED} is asked of
 * the database each time, so the cache stays small.
 */
@Repository
public class Blocks {

    public record Block(long id, long accountId, long targetAccountId) {}

    static final int MOST_CACHED = 1000;

    private final JdbcClient jdbc;
    private final SharedCache<Set<Long>> hidden;

    public Blocks(JdbcClient jdbc, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.hidden = caches.create("blocks", settings.accounts());
    }

    public boolean add(long id, long accountId, long targetId, Instant at) {
        boolean added = jdbc.sql("""
                INSERT INTO blocks (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(id, accountId, targetId, SqlTime.of(at)).update() > 0;
        hidden.invalidate(List.of(accountId, targetId));
        return added;
    }

    public boolean remove(long accountId, long targetId) {
        boolean removed = jdbc.sql("DELETE FROM blocks WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
        hidden.invalidate(List.of(accountId, targetId));
        return removed;
    }

    /** Whether either account blocks the other: no query when {@code a}'s blocks are cached. */
    public boolean eitherWay(long a, long b) {
        Set<Long> hiddenFromA = hidden.getAll(List.of(a), ids -> {
            Set<Long> loaded = hiddenFrom(a);
            return loaded.size() > MOST_CACHED ? Map.of() : Map.of(a, Set.copyOf(loaded));
        }).get(a);
        return hiddenFromA != null ? hiddenFromA.contains(b) : countEitherWay(a, b) > 0;
    }

    private long countEitherWay(long a, long b) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM blocks
                WHERE (account_id = ? AND target_account_id = ?) OR (account_id = ? AND target_account_id = ?)
                """).params(a, b, b, a).query(Long.class).single();
    }

    /** Whether the account blocks, or is blocked by, any of the others: one query however many they are. */
    public boolean anyEitherWay(long accountId, java.util.Collection<Long> others) {
        return !others.isEmpty() && jdbc.sql("""
                SELECT COUNT(*) FROM blocks
                WHERE (account_id = :a AND target_account_id IN (:o)) OR (target_account_id = :a AND account_id IN (:o))
                """).param("a", accountId).param("o", others).query(Long.class).single() > 0;
    }

    /** Every account hidden from {@code accountId}: those it blocks and those that block it. */
    public Set<Long> hiddenFrom(long accountId) {
        return new HashSet<>(jdbc.sql("""
                SELECT target_account_id FROM blocks WHERE account_id = :a
                UNION SELECT account_id FROM blocks WHERE target_account_id = :a
                """).param("a", accountId).query(Long.class).list());
    }

    /** Which of {@code targets} the account blocks, and which block it. */
    public Set<Long> blocking(long accountId, List<Long> targets) {
        return targets.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT target_account_id FROM blocks WHERE account_id = :a AND target_account_id IN (:t)")
                .param("a", accountId).param("t", targets).query(Long.class).list());
    }

    public Set<Long> blockedBy(long accountId, List<Long> others) {
        return others.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT account_id FROM blocks WHERE target_account_id = :a AND account_id IN (:o)")
                .param("a", accountId).param("o", others).query(Long.class).list());
    }

    public List<Block> blockedByAccount(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        String sql = SqlPaging.apply("SELECT id, account_id, target_account_id FROM blocks WHERE account_id = :a",
                page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query((rs, i) ->
                new Block(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"))).list(), page);
    }
}
