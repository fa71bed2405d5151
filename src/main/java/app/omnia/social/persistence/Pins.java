package app.omnia.social.persistence;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.domain.Status;

/** Statuses pinned to their author's profile. */
@Repository
public class Pins {

    private final JdbcClient jdbc;
    private final ViewerStateCache viewerStates;

    public Pins(JdbcClient jdbc, ViewerStateCache viewerStates) {
        this.jdbc = jdbc;
        this.viewerStates = viewerStates;
    }

    /** Pins one of the account's statuses; false when it was pinned already. */
    public boolean add(long id, long accountId, long statusId, java.time.Instant at) {
        boolean added = jdbc.sql("INSERT INTO status_pins (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(id, accountId, statusId, SqlTime.of(at)).update() > 0;
        viewerStates.invalidate(accountId);
        return added;
    }

    public boolean remove(long accountId, long statusId) {
        boolean removed = jdbc.sql("DELETE FROM status_pins WHERE account_id = ? AND status_id = ?")
                .params(accountId, statusId).update() > 0;
        viewerStates.invalidate(accountId);
        return removed;
    }

    public long count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM status_pins WHERE account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** Which of these statuses are pinned (by their authors). */
    public java.util.Set<Long> which(Collection<Long> statusIds) {
        return statusIds.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(jdbc.sql(
                "SELECT status_id FROM status_pins WHERE status_id IN (:ids)").param("ids", statusIds)
                .query(Long.class).list());
    }

    /** An account's pinned statuses, most recently pinned first. */
    public List<Status> of(long accountId) {
        return jdbc.sql("""
                SELECT s.* FROM statuses s JOIN status_pins p ON p.status_id = s.id
                WHERE p.account_id = ? ORDER BY p.id DESC
                """).param(accountId).query(Statuses.ROW).list();
    }
}
