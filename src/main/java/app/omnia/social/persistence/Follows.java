package app.omnia.social.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Who follows whom. Following twice is a no-op. */
@Repository
public class Follows {

    public record Follow(long id, long accountId, long targetAccountId) {}

    private final JdbcClient jdbc;

    public Follows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean add(long id, long accountId, long targetId, Instant at) {
        return jdbc.sql("""
                INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(id, accountId, targetId, SqlTime.of(at)).update() > 0;
    }

    public boolean remove(long accountId, long targetId) {
        return jdbc.sql("DELETE FROM follows WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
    }

    public boolean follows(long accountId, long targetId) {
        return jdbc.sql("SELECT COUNT(*) FROM follows WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).query(Long.class).single() > 0;
    }

    /** Which of {@code targets} the account follows. */
    public Set<Long> followed(long accountId, Collection<Long> targets) {
        return targets.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT target_account_id FROM follows WHERE account_id = :a AND target_account_id IN (:t)")
                .param("a", accountId).param("t", targets).query(Long.class).list());
    }

    /** Which of {@code accounts} follow the target. */
    public Set<Long> followers(long targetId, Collection<Long> accounts) {
        return accounts.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT account_id FROM follows WHERE target_account_id = :t AND account_id IN (:a)")
                .param("t", targetId).param("a", accounts).query(Long.class).list());
    }

    public long countFollowers(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM follows WHERE target_account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    public long countFollowing(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM follows WHERE account_id = ?").param(accountId).query(Long.class).single();
    }

    /** The followers of an account, newest follow first, paged by the follow's id. */
    public List<Follow> followersOf(long accountId, PageRequest page) {
        return page("target_account_id = :a", accountId, page);
    }

    public List<Follow> followingOf(long accountId, PageRequest page) {
        return page("account_id = :a", accountId, page);
    }

    private List<Follow> page(String where, long accountId, PageRequest page) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("a", accountId);
        String sql = SqlPaging.apply("SELECT id, account_id, target_account_id FROM follows WHERE " + where, page,
                params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query((rs, i) ->
                new Follow(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"))).list(), page);
    }
}
