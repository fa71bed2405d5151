package app.omnia.moderation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * The posts of supervised accounts, and the edits of their published posts, from written (pending) to approved
 * or rejected. A review's id is the status's for a new post ({@link #POST}), the held edit's for an edit
 * ({@link #EDIT}); {@code statusId} is the status either is about.
 */
@Repository
public class Reviews {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String POST = "post";
    public static final String EDIT = "edit";

    /** One review; {@code createdAt} is when the post (or edit) was written, {@code decidedAt} when it was decided. */
    public record Review(long id, long statusId, String kind, long accountId, String state, Instant createdAt,
                         Long decidedBy, Instant decidedAt, Long statementId) {

        public boolean isEdit() {
            return EDIT.equals(kind);
        }
    }

    private final JdbcClient jdbc;

    public Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void pending(long id, long statusId, String kind, long accountId, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO moderation_reviews (id, status_id, kind, account_id, state, status_created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(id, statusId, kind, accountId, PENDING, SqlTime.of(createdAt)).update();
    }

    public Optional<Review> find(long id) {
        return jdbc.sql("SELECT * FROM moderation_reviews WHERE id = ?").param(id).query(Reviews::map).optional();
    }

    /** The review whose rejection this statement of reasons explained. */
    public Optional<Review> ofStatement(long statementId) {
        return jdbc.sql("SELECT * FROM moderation_reviews WHERE statement_id = ?").param(statementId)
                .query(Reviews::map).optional();
    }

    /** Decides a pending review; false if it was already decided (so only one reviewer's decision counts). */
    public boolean decide(long id, String state, long by, Instant at, Long statementId) {
        return jdbc.sql("""
                UPDATE moderation_reviews SET state = ?, decided_by = ?, decided_at = ?, statement_id = ?
                WHERE id = ? AND state = 'pending'
                """).params(state, by, SqlTime.of(at), statementId, id).update() == 1;
    }

    /** Forgets the waiting reviews about a status that was deleted (decided ones stay, with their statements). */
    public void withdrawPending(long statusId) {
        jdbc.sql("DELETE FROM moderation_reviews WHERE status_id = ? AND state = 'pending'").param(statusId).update();
    }

    /** A rejection reversed on appeal: the post (or edit) is published after all. */
    public void approveAfterAppeal(long id, Instant at) {
        jdbc.sql("UPDATE moderation_reviews SET state = 'approved', decided_at = ? WHERE id = ?")
                .params(SqlTime.of(at), id).update();
    }

    /** Pending posts, newest first: those a reviewer reviews, or all of them ({@code reviewerId} null, admins). */
    public List<Review> pendingPage(Long reviewerId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = "SELECT * FROM moderation_reviews WHERE state = 'pending'";
        if (reviewerId != null) {
            where += " AND account_id IN (SELECT account_id FROM moderation_supervision_reviewers WHERE reviewer_id = :reviewer)";
            params.put("reviewer", reviewerId);
        }
        return page(where, params, page);
    }

    public List<Review> ofAccount(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        return page("SELECT * FROM moderation_reviews WHERE account_id = :account", params, page);
    }

    private List<Review> page(String where, Map<String, Object> params, PageRequest page) {
        // Paged by the review id: the status's, or the later edit's (time-sorted either way).
        String sql = SqlPaging.apply("SELECT * FROM (" + where
                + ") reviews WHERE 1 = 1", page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Reviews::map).list()), page);
    }

    private static Review map(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("status_id"), rs.getString("kind"), rs.getLong("account_id"),
                rs.getString("state"),
                SqlTime.read(rs, "status_created_at"), rs.getObject("decided_by", Long.class),
                SqlTime.read(rs, "decided_at"), rs.getObject("statement_id", Long.class));
    }
}
