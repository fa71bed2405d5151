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

/** The posts of supervised accounts, from written (pending) to approved or rejected. */
@Repository
public class Reviews {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** One post's review; {@code createdAt} is when the post was written, {@code decidedAt} when it was decided. */
    public record Review(long statusId, long accountId, String state, Instant createdAt, Long decidedBy,
                         Instant decidedAt, Long statementId) {}

    private final JdbcClient jdbc;

    public Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void pending(long statusId, long accountId, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO moderation_reviews (status_id, account_id, state, status_created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(statusId, accountId, PENDING, SqlTime.of(createdAt)).update();
    }

    public Optional<Review> find(long statusId) {
        return jdbc.sql("SELECT status_id AS id, moderation_reviews.* FROM moderation_reviews WHERE status_id = ?").param(statusId)
                .query(Reviews::map).optional();
    }

    /** Decides a pending review; false if it was already decided (so only one reviewer's decision counts). */
    public boolean decide(long statusId, String state, long by, Instant at, Long statementId) {
        return jdbc.sql("""
                UPDATE moderation_reviews SET state = ?, decided_by = ?, decided_at = ?, statement_id = ?
                WHERE status_id = ? AND state = 'pending'
                """).params(state, by, SqlTime.of(at), statementId, statusId).update() == 1;
    }

    /** A rejection reversed on appeal: the post is published after all. */
    public void approveAfterAppeal(long statusId, Instant at) {
        jdbc.sql("UPDATE moderation_reviews SET state = 'approved', decided_at = ? WHERE status_id = ?")
                .params(SqlTime.of(at), statusId).update();
    }

    /** Pending posts, newest first: those a reviewer reviews, or all of them ({@code reviewerId} null, admins). */
    public List<Review> pendingPage(Long reviewerId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = "SELECT status_id AS id, moderation_reviews.* FROM moderation_reviews WHERE state = 'pending'";
        if (reviewerId != null) {
            where += " AND account_id IN (SELECT account_id FROM moderation_supervision_reviewers WHERE reviewer_id = :reviewer)";
            params.put("reviewer", reviewerId);
        }
        return page(where, params, page);
    }

    public List<Review> ofAccount(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        return page("SELECT status_id AS id, moderation_reviews.* FROM moderation_reviews WHERE account_id = :account", params, page);
    }

    private List<Review> page(String where, Map<String, Object> params, PageRequest page) {
        // Paged by the status id (SqlPaging pages on a column named id).
        String sql = SqlPaging.apply("SELECT * FROM (" + where
                + ") reviews WHERE 1 = 1", page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Reviews::map).list()), page);
    }

    private static Review map(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("status_id"), rs.getLong("account_id"), rs.getString("state"),
                SqlTime.read(rs, "status_created_at"), rs.getObject("decided_by", Long.class),
                SqlTime.read(rs, "decided_at"), rs.getObject("statement_id", Long.class));
    }
}
