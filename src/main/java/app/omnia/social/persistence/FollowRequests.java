package app.omnia.social.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Pending requests to follow locked accounts. */
@Repository
public class FollowRequests {

    public record Request(long id, long accountId) {}

    private final JdbcClient jdbc;

    public FollowRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean add(long id, long accountId, long targetId, Instant at) {
        return jdbc.sql("""
                INSERT INTO follow_requests (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(id, accountId, targetId, SqlTime.of(at)).update() > 0;
    }

    public boolean remove(long accountId, long targetId) {
        return jdbc.sql("DELETE FROM follow_requests WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
    }

    /** Which of {@code targets} the account has asked to follow. */
    public Set<Long> requested(long accountId, Collection<Long> targets) {
        return targets.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT target_account_id FROM follow_requests WHERE account_id = :a AND target_account_id IN (:t)")
                .param("a", accountId).param("t", targets).query(Long.class).list());
    }

    /** Which of {@code accounts} have asked to follow the target. */
    public Set<Long> requestedBy(long targetId, Collection<Long> accounts) {
        return accounts.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT account_id FROM follow_requests WHERE target_account_id = :t AND account_id IN (:a)")
                .param("t", targetId).param("a", accounts).query(Long.class).list());
    }

    public long countFor(long targetId) {
        return jdbc.sql("SELECT COUNT(*) FROM follow_requests WHERE target_account_id = ?").param(targetId)
                .query(Long.class).single();
    }

    public List<Request> pendingFor(long targetId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", targetId);
        String sql = SqlPaging.apply("SELECT id, account_id FROM follow_requests WHERE target_account_id = :t", page,
                params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params)
                .query((rs, i) -> new Request(rs.getLong("id"), rs.getLong("account_id"))).list(), page);
    }
}
