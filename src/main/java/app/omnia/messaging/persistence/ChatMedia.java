package app.omnia.messaging.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.Attachment;
import app.omnia.platform.persistence.SqlTime;

/** Chat images: free uploads, the ones a message shows (in order), and group avatars. */
@Repository
public class ChatMedia {

    private final JdbcClient jdbc;

    public ChatMedia(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Attachment a) {
        jdbc.sql("""
                INSERT INTO chat_media (id, account_id, file_name, preview_file_name, content_type, width, height,
                    preview_width, preview_height, file_size, blurhash, description, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(a.id(), a.accountId(), a.fileName(), a.previewFileName(), a.contentType(), a.width(),
                a.height(), a.previewWidth(), a.previewHeight(), a.fileSize(), a.blurhash(), a.description(),
                SqlTime.of(a.createdAt())).update();
    }

    public Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT * FROM chat_media WHERE id = ?").param(id).query(ChatMedia::map).optional();
    }

    public Map<Long, Attachment> findAll(Collection<Long> ids) {
        Map<Long, Attachment> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM chat_media WHERE id IN (:ids)").param("ids", ids).query(ChatMedia::map).list()
                    .forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    /**
     * Gives the uploader's free uploads to a message, in order; false (and nothing changed by this call's
     * caller's transaction once it rolls back) when one of them was taken meanwhile.
     */
    public boolean attach(long accountId, long conversationId, long messageId, List<Long> mediaIds) {
        for (int i = 0; i < mediaIds.size(); i++) {
            int taken = jdbc.sql("""
                    UPDATE chat_media SET conversation_id = ?, message_id = ?, position = ?
                    WHERE id = ? AND account_id = ? AND conversation_id IS NULL
                    """).params(conversationId, messageId, i, mediaIds.get(i), accountId).update();
            if (taken != 1) {
                return false;
            }
        }
        return true;
    }

    /** Makes a free upload of the uploader a group's avatar; false when it is not free any more. */
    public boolean useAsAvatar(long accountId, long conversationId, long mediaId) {
        return jdbc.sql("""
                UPDATE chat_media SET conversation_id = ? WHERE id = ? AND account_id = ? AND conversation_id IS NULL
                """).params(conversationId, mediaId, accountId).update() == 1;
    }

    /** What each message shows, in order. */
    public Map<Long, List<Attachment>> shownOn(Collection<Long> messageIds) {
        Map<Long, List<Attachment>> shown = new LinkedHashMap<>();
        if (!messageIds.isEmpty()) {
            jdbc.sql("SELECT * FROM chat_media WHERE message_id IN (:m) ORDER BY message_id, position")
                    .param("m", messageIds).query(ChatMedia::map).list()
                    .forEach(a -> shown.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        }
        return shown;
    }

    /** Marks what a message shows as held by a report: {@link #deleteShownOn} then keeps the original files. */
    public void holdShownOn(long messageId) {
        jdbc.sql("UPDATE chat_media SET held_as_evidence = TRUE WHERE message_id = ?").param(messageId).update();
    }

    /**
     * Deletes what a message shows; answers the files to remove: every preview, and every original no report
     * holds as evidence. The rows are locked first, so a report holding them meanwhile is either seen or waits.
     */
    public List<String> deleteShownOn(long messageId) {
        List<String> files = new ArrayList<>();
        jdbc.sql("SELECT file_name, preview_file_name, held_as_evidence FROM chat_media WHERE message_id = ? FOR UPDATE")
                .param(messageId).query(rs -> {
                    if (!rs.getBoolean("held_as_evidence")) {
                        files.add(rs.getString("file_name"));
                    }
                    files.add(rs.getString("preview_file_name"));
                });
        jdbc.sql("DELETE FROM chat_media WHERE message_id = ?").param(messageId).update();
        return files;
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM chat_media WHERE id = ?").param(id).update() == 1;
    }

    public List<Attachment> freeBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT * FROM chat_media WHERE conversation_id IS NULL AND created_at < ? ORDER BY created_at LIMIT ?")
                .params(SqlTime.of(cutoff), limit).query(ChatMedia::map).list();
    }

    /** Deletes an upload only if it is still free (a message may take it while the purge runs). */
    public boolean deleteIfFree(long id) {
        return jdbc.sql("DELETE FROM chat_media WHERE id = ? AND conversation_id IS NULL").param(id).update() == 1;
    }

    private static Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("conversation_id", Long.class),
                rs.getObject("message_id", Long.class), rs.getObject("position", Integer.class),
                rs.getString("file_name"), rs.getString("preview_file_name"), rs.getString("content_type"),
                rs.getInt("width"), rs.getInt("height"), rs.getInt("preview_width"), rs.getInt("preview_height"),
                rs.getLong("file_size"), rs.getString("blurhash"), rs.getString("description"),
                SqlTime.read(rs, "created_at"));
    }
}
