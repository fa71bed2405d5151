package app.omnia.platform.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/**
 * Append-only record of staff actions (roles, verifications, approvals, suspensions, later moderation and
 * wallet freezes). Written in the same transaction as the action it describes.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, IdGenerator ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    public void record(Long actorId, String action, String targetType, Long targetId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_log (id, actor_id, action, target_type, target_id, detail, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(ids.next(), actorId, action, targetType, targetId, detail == null ? "" : detail,
                        SqlTime.of(clock.instant()))
                .update();
    }

    /** Newest first, Mastodon-style paging by id; optionally only the entries about one target. */
    public List<AuditEntry> page(PageRequest page, String targetType, Long targetId) {
        StringBuilder where = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (targetType != null) {
            where.append(" AND target_type = :type");
            params.put("type", targetType);
        }
        if (targetId != null) {
            where.append(" AND target_id = :target");
            params.put("target", targetId);
        }
        String sql = SqlPaging.apply(where.toString(), page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"), (Long) rs.getObject("actor_id", Long.class),
                        rs.getString("action"), rs.getString("target_type"),
                        (Long) rs.getObject("target_id", Long.class), rs.getString("detail"),
                        SqlTime.read(rs, "created_at")))
                .list(), page);
    }

    public record AuditEntry(long id, Long actorId, String action, String targetType, Long targetId, String detail,
                             java.time.Instant createdAt) {}
}
