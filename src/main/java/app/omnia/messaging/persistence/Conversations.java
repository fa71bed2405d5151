package app.omnia.messaging.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.Conversation;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Conversations, and the page of them one account is a member of. */
@Repository
public class Conversations {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Conversations(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts unless a direct conversation with the same pair key exists (then nothing: the caller reads
     * that one). A concurrent twin waits for the first to commit, then inserts nothing.
     */
    public boolean insert(Conversation c, String pairKey) {
        return jdbc.sql("""
                INSERT INTO chat_conversations (id, kind, title, encrypted, pair_key, created_by, created_at,
                                                last_activity_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.title(), c.encrypted(),
                pairKey, c.createdBy(), SqlTime.of(c.createdAt()), c.lastActivityId()).update() > 0;
    }

    public Optional<Conversation> find(long id) {
        return jdbc.sql("SELECT * FROM chat_conversations WHERE id = ?").param(id).query(Conversations::map).optional();
    }

    public Optional<Conversation> findByPair(String pairKey) {
        return jdbc.sql("SELECT * FROM chat_conversations WHERE pair_key = ?").param(pairKey)
                .query(Conversations::map).optional();
    }

    public void setAvatar(long id, Long mediaId) {
        jdbc.sql("UPDATE chat_conversations SET avatar_media_id = ? WHERE id = ?").params(mediaId, id).update();
    }

    public void rename(long id, String title) {
        jdbc.sql("UPDATE chat_conversations SET title = ? WHERE id = ?").params(title, id).update();
    }

    /** A new message is the conversation's latest activity (unless a later one was recorded first). */
    public void touch(long id, long messageId) {
        jdbc.sql("UPDATE chat_conversations SET last_activity_id = ? WHERE id = ? AND last_activity_id < ?")
                .params(messageId, id, messageId).update();
    }

    /**
     * As {@link #touch}, for several conversations at once (conversation id to its newest message), in
     * conversation order so that two batches lock the rows in the same order.
     */
    public void touchAll(Map<Long, Long> newestMessages) {
        if (newestMessages.isEmpty()) {
            return;
        }
        batch.batchUpdate("UPDATE chat_conversations SET last_activity_id = ? WHERE id = ? AND last_activity_id < ?",
                new java.util.TreeMap<>(newestMessages).entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()}).toList());
    }

    /**
     * The account's conversations by last activity, newest first, optionally only those in one state
     * (requests), either the archived ones or the others. Paged Mastodon's way on {@code last_activity_id}
     * (so the page cursors are activity positions, as Mastodon's own conversations are paged by last status):
     * unique per conversation, so a page boundary never splits or repeats one.
     */
    public List<Conversation> pageFor(long accountId, String state, boolean archived, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        params.put("archived", archived);
        // The paging helper bounds and orders a column named id: here that is the activity position.
        String sql = "SELECT * FROM (SELECT c.last_activity_id AS id, c.id AS conversation_id, c.kind, c.title,"
                + " c.encrypted, c.created_by, c.created_at, c.avatar_media_id, c.last_activity_id"
                + " FROM chat_conversations c JOIN chat_members m ON m.conversation_id = c.id"
                + " WHERE m.account_id = :a AND m.archived = :archived"
                + (state == null ? " AND m.state <> 'declined'" : " AND m.state = :state")
                + ") listed WHERE 1 = 1";
        if (state != null) {
            params.put("state", state);
        }
        return SqlPaging.newestFirst(jdbc.sql(SqlPaging.apply(sql, page, params)).params(params)
                .query((rs, row) -> read(rs, rs.getLong("conversation_id"))).list(), page);
    }

    private static Conversation map(ResultSet rs, int row) throws SQLException {
        return read(rs, rs.getLong("id"));
    }

    private static Conversation read(ResultSet rs, long id) throws SQLException {
        return new Conversation(id,
                Conversation.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("title"), rs.getBoolean("encrypted"), rs.getLong("created_by"),
                SqlTime.read(rs, "created_at"), rs.getObject("avatar_media_id", Long.class),
                rs.getLong("last_activity_id"));
    }
}
