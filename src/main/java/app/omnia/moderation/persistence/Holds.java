package app.omnia.moderation.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.moderation.domain.Report;
import app.omnia.platform.persistence.SqlTime;

/** Items hidden automatically, and when a moderator last reviewed each reported item. */
@Repository
public class Holds {

    /** An item's hold: active while {@code releasedAt} is null and {@code heldAt} is set. */
    public record Hold(String kind, long id, long accountId, Long statementId, Instant heldAt, Instant releasedAt) {

        public boolean active() {
            return heldAt != null && releasedAt == null;
        }
    }

    private final JdbcClient jdbc;

    public Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Hold> find(Report.Item item) {
        return jdbc.sql("SELECT * FROM moderation_holds WHERE item_kind = ? AND item_id = ?")
                .params(item.kind(), item.id())
                .query((rs, i) -> new Hold(rs.getString("item_kind"), rs.getLong("item_id"), rs.getLong("account_id"),
                        rs.getObject("statement_id", Long.class), SqlTime.read(rs, "held_at"),
                        SqlTime.read(rs, "released_at"))).optional();
    }

    /**
     * Holds the item; false if it is already held, so that only one caller hides it and writes the statement.
     * Two reports racing to hold the same item both get an answer: the loser's insert waits for the winner's
     * commit and then inserts nothing (never a duplicate-key error).
     */
    public boolean hold(Report.Item item, long accountId, Instant at) {
        int updated = jdbc.sql("""
                UPDATE moderation_holds SET held_at = ?, released_at = NULL, statement_id = NULL
                WHERE item_kind = ? AND item_id = ? AND (held_at IS NULL OR released_at IS NOT NULL)
                """).params(SqlTime.of(at), item.kind(), item.id()).update();
        if (updated == 1) {
            return true;
        }
        return jdbc.sql("""
                INSERT INTO moderation_holds (item_kind, item_id, account_id, held_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(item.kind(), item.id(), accountId, SqlTime.of(at)).update() == 1;
    }

    /** The statement of reasons that told the author about the hold. */
    public void attachStatement(Report.Item item, long statementId) {
        jdbc.sql("UPDATE moderation_holds SET statement_id = ? WHERE item_kind = ? AND item_id = ?")
                .params(statementId, item.kind(), item.id()).update();
    }

    /** A moderator reviewed the item: any hold ends, and earlier reports stop counting. */
    public void reviewed(Report.Item item, long accountId, Instant at) {
        int updated = jdbc.sql("UPDATE moderation_holds SET released_at = ? WHERE item_kind = ? AND item_id = ?")
                .params(SqlTime.of(at), item.kind(), item.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO moderation_holds (item_kind, item_id, account_id, released_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).params(item.kind(), item.id(), accountId, SqlTime.of(at)).update();
        }
    }
}
