package app.omnia.social.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/**
 * Statuses waiting for their time. Every read and change names the owning account, so one person can never
 * reach another's scheduled statuses by id.
 */
@Repository
public class ScheduledStatuses {

    public record Scheduled(long id, long accountId, Long applicationId, Instant scheduledAt, String params,
                            Instant createdAt) {}

    private final JdbcClient jdbc;

    public ScheduledStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Scheduled s) {
        jdbc.sql("""
                INSERT INTO scheduled_statuses (id, account_id, application_id, scheduled_at, params, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(s.id(), s.accountId(), s.applicationId(), SqlTime.of(s.scheduledAt()), s.params(),
                SqlTime.of(s.createdAt())).update();
    }

    public Optional<Scheduled> find(long accountId, long id) {
        return jdbc.sql("SELECT * FROM scheduled_statuses WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(ScheduledStatuses::map).optional();
    }

    public List<Scheduled> page(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        String sql = SqlPaging.apply("SELECT * FROM scheduled_statuses WHERE account_id = :a", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(ScheduledStatuses::map).list(), page);
    }

    public boolean reschedule(long accountId, long id, Instant at) {
        return jdbc.sql("UPDATE scheduled_statuses SET scheduled_at = ? WHERE account_id = ? AND id = ?")
                .params(SqlTime.of(at), accountId, id).update() > 0;
    }

    /** Removes it; true for the one caller that removed it (so two server copies never publish it twice). */
    public boolean remove(long accountId, long id) {
        return jdbc.sql("DELETE FROM scheduled_statuses WHERE account_id = ? AND id = ?").params(accountId, id)
                .update() > 0;
    }

    public List<Scheduled> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM scheduled_statuses WHERE scheduled_at <= ? ORDER BY scheduled_at LIMIT ?")
                .params(SqlTime.of(now), limit).query(ScheduledStatuses::map).list();
    }

    public long count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_statuses WHERE account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** How many are scheduled for the same UTC day as {@code at}. */
    public long countOnDay(long accountId, Instant at) {
        Instant day = at.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_statuses WHERE account_id = ? AND scheduled_at >= ? "
                        + "AND scheduled_at < ?")
                .params(accountId, SqlTime.of(day), SqlTime.of(day.plus(java.time.Duration.ofDays(1))))
                .query(Long.class).single();
    }

    private static Scheduled map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Scheduled(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("application_id", Long.class),
                SqlTime.read(rs, "scheduled_at"), rs.getString("params"), SqlTime.read(rs, "created_at"));
    }
}
