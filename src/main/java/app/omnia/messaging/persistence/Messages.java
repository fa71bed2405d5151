package app.omnia.messaging.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.Message;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Messages; the unique (sender, conversation, client_message_id) key is what makes a resend harmless. */
@Repository
public class Messages {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Messages(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts unless this sender already sent this client id here; a concurrent twin waits for the first
     * to commit and then inserts nothing (the caller then reads the first).
     */
    public boolean insert(Message m) {
        return jdbc.sql("""
                INSERT INTO chat_messages (id, conversation_id, sender_id, client_message_id, body, ciphertext,
                                           reply_to_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(m.id(), m.conversationId(), m.senderId(), m.clientMessageId(), m.text(), m.ciphertext(),
                m.replyToId(), SqlTime.of(m.createdAt())).update() > 0;
    }

    /**
     * As {@link #insert}, for several messages in one round trip: whether each was inserted (false for a resend,
     * or a twin earlier in the same list).
     */
    public boolean[] insertAll(List<Message> all) {
        int[] counts = batch.batchUpdate("""
                INSERT INTO chat_messages (id, conversation_id, sender_id, client_message_id, body, ciphertext,
                                           reply_to_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, all.stream().map(m -> new Object[] {m.id(), m.conversationId(), m.senderId(), m.clientMessageId(),
                m.text(), m.ciphertext(), m.replyToId(), SqlTime.of(m.createdAt())}).toList());
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            // The batch is not rewritten into one statement, so each count is that row's own.
            inserted[i] = counts[i] > 0;
        }
        return inserted;
    }

    public Optional<Message> find(long conversationId, long id) {
        return jdbc.sql("SELECT * FROM chat_messages WHERE conversation_id = ? AND id = ?")
                .params(conversationId, id).query(Messages::map).optional();
    }

    public Optional<Message> find(long id) {
        return jdbc.sql("SELECT * FROM chat_messages WHERE id = ?").param(id).query(Messages::map).optional();
    }

    public Optional<Message> findByClientId(long senderId, long conversationId, String clientMessageId) {
        return jdbc.sql("""
                SELECT * FROM chat_messages WHERE sender_id = ? AND conversation_id = ? AND client_message_id = ?
                """).params(senderId, conversationId, clientMessageId).query(Messages::map).optional();
    }

    public void edit(long id, String text, String ciphertext, Instant at) {
        jdbc.sql("UPDATE chat_messages SET body = ?, ciphertext = ?, edited_at = ? WHERE id = ?")
                .params(text, ciphertext, SqlTime.of(at), id).update();
    }

    /** Delete for everyone: the content goes, the row stays so that resends and replies still resolve. */
    public void delete(long id, Instant at) {
        jdbc.sql("UPDATE chat_messages SET body = NULL, ciphertext = NULL, deleted_at = ? WHERE id = ?")
                .params(SqlTime.of(at), id).update();
    }

    /** A page of a conversation's messages that are not deleted, for everyone or for the viewer, newest first. */
    public List<Message> page(long conversationId, long viewerId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("c", conversationId);
        params.put("v", viewerId);
        String sql = SqlPaging.apply("SELECT * FROM chat_messages WHERE conversation_id = :c AND deleted_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM chat_hidden_messages h WHERE h.account_id = :v"
                + " AND h.message_id = chat_messages.id)", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(Messages::map).list(), page);
    }

    /** Each conversation's newest message the viewer can read (not deleted for everyone nor for them). */
    public List<Message> newest(long viewerId, java.util.Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM chat_messages WHERE id IN (
                  SELECT MAX(m.id) FROM chat_messages m WHERE m.conversation_id IN (:c) AND m.deleted_at IS NULL
                    AND NOT EXISTS (SELECT 1 FROM chat_hidden_messages h WHERE h.account_id = :v AND h.message_id = m.id)
                  GROUP BY m.conversation_id)
                """).param("c", conversationIds).param("v", viewerId).query(Messages::map).list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        long replyTo = rs.getLong("reply_to_id");
        Long replyToId = rs.wasNull() ? null : replyTo;
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("sender_id"),
                rs.getString("client_message_id"), rs.getString("body"), rs.getString("ciphertext"), replyToId,
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "edited_at"), SqlTime.read(rs, "deleted_at"));
    }
}
