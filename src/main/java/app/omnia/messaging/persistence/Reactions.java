package app.omnia.messaging.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Emoji reactions: one row per member per emoji per message; counts are aggregated on read. */
@Repository
public class Reactions {

    /** One emoji on one message: how many reacted with it and whether the viewer did. */
    public record Count(String emoji, long count, boolean me) {}

    private final JdbcClient jdbc;

    public Reactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the member had already reacted with this emoji. */
    public boolean add(long conversationId, long messageId, long accountId, String emoji, Instant at) {
        return jdbc.sql("""
                INSERT INTO chat_reactions (message_id, account_id, emoji, conversation_id, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(messageId, accountId, emoji, conversationId, SqlTime.of(at)).update() > 0;
    }

    public boolean remove(long messageId, long accountId, String emoji) {
        return jdbc.sql("DELETE FROM chat_reactions WHERE message_id = ? AND account_id = ? AND emoji = ?")
                .params(messageId, accountId, emoji).update() > 0;
    }

    public void removeAll(long messageId) {
        jdbc.sql("DELETE FROM chat_reactions WHERE message_id = ?").param(messageId).update();
    }

    public boolean exists(long messageId, String emoji) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_reactions WHERE message_id = ? AND emoji = ?")
                .params(messageId, emoji).query(Long.class).single() > 0;
    }

    public long distinctEmoji(long messageId) {
        return jdbc.sql("SELECT COUNT(DISTINCT emoji) FROM chat_reactions WHERE message_id = ?").param(messageId)
                .query(Long.class).single();
    }

    /** Per message, its emoji in the order first used, with counts and the viewer's own (viewer 0: nobody). */
    public Map<Long, List<Count>> counts(Collection<Long> messageIds, long viewerId) {
        Map<Long, List<Count>> counts = new LinkedHashMap<>();
        if (!messageIds.isEmpty()) {
            jdbc.sql("""
                    SELECT message_id, emoji, COUNT(*) AS n, MIN(created_at) AS first_at,
                           SUM(CASE WHEN account_id = :v THEN 1 ELSE 0 END) AS mine
                    FROM chat_reactions WHERE message_id IN (:m)
                    GROUP BY message_id, emoji ORDER BY message_id, first_at, emoji
                    """).param("m", messageIds).param("v", viewerId)
                    .query((rs, i) -> counts.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                            .add(new Count(rs.getString("emoji"), rs.getLong("n"), rs.getLong("mine") > 0))).list();
        }
        return counts;
    }
}
