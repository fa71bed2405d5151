package app.omnia.social.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** An account's notifications, newest first. */
@Repository
public class Notifications {

    public record Notification(long id, long accountId, String type, long fromAccountId, Long statusId,
                               Instant createdAt) {}

    private final JdbcClient jdbc;

    public Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a notification unless the same one exists (an action repeated notifies once). */
    public boolean add(long id, long accountId, String type, long fromAccountId, Long statusId, Instant at) {
        return jdbc.sql("""
                INSERT INTO notifications (id, account_id, type, from_account_id, status_id, subject_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(id, accountId, type, fromAccountId, statusId, statusId == null ? 0L : statusId,
                SqlTime.of(at)).update() > 0;
    }

    public Optional<Notification> find(long accountId, long id) {
        return jdbc.sql("SELECT * FROM notifications WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(Notifications::map).optional();
    }

    /**
     * A page of the account's notifications.
     *
     * @param types        only these types (empty: all)
     * @param excludeTypes never these types
     * @param fromAccount  only those caused by this account (null: any)
     */
    public List<Notification> page(long accountId, List<String> types, List<String> excludeTypes, Long fromAccount,
                                   PageRequest page) {
        StringBuilder where = new StringBuilder("SELECT * FROM notifications WHERE account_id = :a");
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        if (!types.isEmpty()) {
            where.append(" AND type IN (:types)");
            params.put("types", types);
        }
        if (!excludeTypes.isEmpty()) {
            where.append(" AND type NOT IN (:exclude)");
            params.put("exclude", excludeTypes);
        }
        if (fromAccount != null) {
            where.append(" AND from_account_id = :from");
            params.put("from", fromAccount);
        }
        String sql = SqlPaging.apply(where.toString(), page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Notifications::map).list()),
                page);
    }

    public boolean dismiss(long accountId, long id) {
        return jdbc.sql("DELETE FROM notifications WHERE account_id = ? AND id = ?").params(accountId, id).update() > 0;
    }

    public int clear(long accountId) {
        return jdbc.sql("DELETE FROM notifications WHERE account_id = ?").param(accountId).update();
    }

    private static Notification map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Notification(rs.getLong("id"), rs.getLong("account_id"), rs.getString("type"),
                rs.getLong("from_account_id"), rs.getObject("status_id", Long.class), SqlTime.read(rs, "created_at"));
    }
}
