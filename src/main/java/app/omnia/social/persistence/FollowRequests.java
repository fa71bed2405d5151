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

    public boolean add(long id, long accountId, long targetId, Instant at, Follows.Options options) {
        return jdbc.sql("""
                INSERT INTO follow_requests (id, account_id, target_account_id, created_at, show_reblogs, notify)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(id, accountId, targetId, SqlTime.of(at), options.showReblogs(), options.notifyOnPosts())
                .update() > 0;
    }

    public void setOptions(long accountId, long targetId, Follows.Options options) {
        jdbc.sql("UPDATE follow_requests SET show_reblogs = ?, notify = ? WHERE account_id = ? AND target_account_id = ?")
                .params(options.showReblogs(), options.notifyOnPosts(), accountId, targetId).update();
    }

    /** The options a pending request carries, to become the follow's when it is authorized. */
    public java.util.Optional<Follows.Options> options(long accountId, long targetId) {
        return jdbc.sql("SELECT show_reblogs, notify FROM follow_requests WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId)
                .query((rs, i) -> new Follows.Options(rs.getBoolean("show_reblogs"), rs.getBoolean("notify")))
                .optional();
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
