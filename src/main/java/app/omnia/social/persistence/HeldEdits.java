package app.omnia.social.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/**
 * Edits of a supervised account's published statuses, waiting for review: the published version stays until a
 * reviewer approves one, which is then applied as it was asked ({@code params}, the request as JSON).
 */
@Repository
public class HeldEdits {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    public record HeldEdit(long id, long statusId, long accountId, String params, String state, Instant createdAt) {}

    private final JdbcClient jdbc;

    public HeldEdits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(HeldEdit edit) {
        jdbc.sql("""
                INSERT INTO status_held_edits (id, status_id, account_id, params, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(edit.id(), edit.statusId(), edit.accountId(), edit.params(), edit.state(),
                SqlTime.of(edit.createdAt())).update();
    }

    public Optional<HeldEdit> find(long id) {
        return jdbc.sql("SELECT * FROM status_held_edits WHERE id = ?").param(id)
                .query((rs, row) -> new HeldEdit(rs.getLong("id"), rs.getLong("status_id"), rs.getLong("account_id"),
                        rs.getString("params"), rs.getString("state"), SqlTime.read(rs, "created_at")))
                .optional();
    }

    /** Which of these statuses have an edit waiting for review (one query, for a page of the author's own). */
    public Set<Long> pendingAmong(Collection<Long> statusIds) {
        if (statusIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT status_id FROM status_held_edits WHERE state = 'pending' AND status_id IN (:ids)")
                .param("ids", statusIds).query(Long.class).list());
    }

    /** Moves an edit from one state to another; false if it was not in {@code from}, so one decision counts. */
    public boolean decide(long id, String from, String to) {
        return jdbc.sql("UPDATE status_held_edits SET state = ? WHERE id = ? AND state = ?")
                .params(to, id, from).update() == 1;
    }
}
