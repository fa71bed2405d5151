package app.omnia.moderation.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Supervised accounts and their named reviewers. */
@Repository
public class Supervisions {

    public record Supervision(long accountId, long createdBy, String reason, List<Long> reviewerIds, Instant createdAt) {}

    private final JdbcClient jdbc;

    public Supervisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Places the account under supervision, or replaces its reviewers and reason if it already is. */
    public void put(long accountId, long createdBy, String reason, List<Long> reviewerIds, Instant at) {
        int updated = jdbc.sql("UPDATE moderation_supervisions SET reason = ?, created_by = ? WHERE account_id = ?")
                .params(reason, createdBy, accountId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO moderation_supervisions (account_id, created_by, reason, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).params(accountId, createdBy, reason, SqlTime.of(at)).update();
        }
        jdbc.sql("DELETE FROM moderation_supervision_reviewers WHERE account_id = ?").param(accountId).update();
        for (long reviewer : reviewerIds) {
            jdbc.sql("INSERT INTO moderation_supervision_reviewers (account_id, reviewer_id) VALUES (?, ?)")
                    .params(accountId, reviewer).update();
        }
    }

    public boolean end(long accountId) {
        return jdbc.sql("DELETE FROM moderation_supervisions WHERE account_id = ?").param(accountId).update() == 1;
    }

    public Optional<Supervision> find(long accountId) {
        return jdbc.sql("SELECT * FROM moderation_supervisions WHERE account_id = ?").param(accountId)
                .query((rs, i) -> new Supervision(rs.getLong("account_id"), rs.getLong("created_by"),
                        rs.getString("reason"), reviewers(accountId), SqlTime.read(rs, "created_at"))).optional();
    }

    public boolean isReviewer(long accountId, long reviewerId) {
        return jdbc.sql("SELECT COUNT(*) FROM moderation_supervision_reviewers WHERE account_id = ? AND reviewer_id = ?")
                .params(accountId, reviewerId).query(Long.class).single() > 0;
    }

    private List<Long> reviewers(long accountId) {
        return jdbc.sql("SELECT reviewer_id FROM moderation_supervision_reviewers WHERE account_id = ? ORDER BY reviewer_id")
                .param(accountId).query(Long.class).list();
    }
}
