package app.omnia.social.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.domain.FocalPoint;
import app.omnia.social.domain.MediaAttachment;

/** Media attachments: uploads, which status shows them in which order, and the purge of abandoned uploads. */
@Repository
public class MediaAttachments {

    private final JdbcClient jdbc;
    private final StatusCardCache cards;
    private final ModerationMarks marks;

    public MediaAttachments(JdbcClient jdbc, StatusCardCache cards, ModerationMarks marks) {
        this.marks = marks;
        this.jdbc = jdbc;
        this.cards = cards;
    }

    public void insert(MediaAttachment m) {
        jdbc.sql("""
                INSERT INTO media_attachments (id, account_id, status_id, status_position, kind, file_name,
                    preview_file_name, content_type, width, height, preview_width, preview_height, file_size, blurhash,
                    description, focus_x, focus_y, created_at)
                VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(m.id(), m.accountId(), m.kind(), m.fileName(), m.previewFileName(), m.contentType(),
                        m.width(), m.height(), m.previewWidth(), m.previewHeight(), m.fileSize(), m.blurhash(),
                        m.description(), m.focus() == null ? null : m.focus().x(),
                        m.focus() == null ? null : m.focus().y(), SqlTime.of(m.createdAt()))
                .update();
    }

    public Optional<MediaAttachment> find(long id) {
        return jdbc.sql("SELECT * FROM media_attachments WHERE id = ?").param(id).query(MediaAttachments::map)
                .optional();
    }

    /** Several by id (unknown ids are simply absent). */
    public Map<Long, MediaAttachment> findAll(Collection<Long> ids) {
        Map<Long, MediaAttachment> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM media_attachments WHERE id IN (:ids)").param("ids", ids)
                    .query(MediaAttachments::map).list().forEach(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    public void describe(long id, String description, FocalPoint focus) {
        jdbc.sql("UPDATE media_attachments SET description = ?, focus_x = ?, focus_y = ? WHERE id = ?")
                .params(description, focus == null ? null : focus.x(), focus == null ? null : focus.y(), id)
                .update();
    }

    /**
     * Makes {@code mediaIds}, in this order, the attachments a status shows. Those it showed before and no
     * longer does stay linked to it without a position, for its edit history. Each update re-checks that the
     * upload is the account's and free (or already this status's), so two statuses racing for one upload
     * cannot both take it.
     *
     * @return whether every upload was taken; if not, the caller must roll back
     */
    public boolean attach(long accountId, long statusId, List<Long> mediaIds) {
        cards.invalidate(statusId);
        marks.mediaShownChanged(statusId);
        jdbc.sql("UPDATE media_attachments SET status_position = NULL WHERE status_id = ?").param(statusId).update();
        for (int position = 0; position < mediaIds.size(); position++) {
            int taken = jdbc.sql("""
                    UPDATE media_attachments SET status_id = ?, status_position = ?
                    WHERE id = ? AND account_id = ? AND (status_id IS NULL OR status_id = ?)
                    """).params(statusId, position, mediaIds.get(position), accountId, statusId).update();
            if (taken != 1) {
                return false;
            }
        }
        return true;
    }

    /** What each status shows, in order: one query for a whole page of statuses. */
    public Map<Long, List<MediaAttachment>> shownOn(Collection<Long> statusIds) {
        Map<Long, List<MediaAttachment>> byStatus = new HashMap<>();
        if (!statusIds.isEmpty()) {
            jdbc.sql("""
                    SELECT * FROM media_attachments WHERE status_id IN (:ids) AND status_position IS NOT NULL
                    ORDER BY status_id, status_position
                    """).param("ids", statusIds).query(MediaAttachments::map).list()
                    .forEach(m -> byStatus.computeIfAbsent(m.statusId(), k -> new ArrayList<>()).add(m));
        }
        return byStatus;
    }

    /** Every attachment ever linked to a status (shown or kept for its history), for deleting it. */
    public List<MediaAttachment> linkedTo(long statusId) {
        return jdbc.sql("SELECT * FROM media_attachments WHERE status_id = ?").param(statusId)
                .query(MediaAttachments::map).list();
    }

    public void deleteLinkedTo(long statusId) {
        jdbc.sql("DELETE FROM media_attachments WHERE status_id = ?").param(statusId).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM media_attachments WHERE id = ?").param(id).update();
    }

    /** Uploads no status took, created before the cutoff: at most {@code limit}, oldest first. */
    public List<MediaAttachment> unattachedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT * FROM media_attachments WHERE status_id IS NULL AND scheduled_status_id IS NULL AND created_at < ?
                ORDER BY created_at LIMIT ?
                """).params(SqlTime.of(cutoff), limit).query(MediaAttachments::map).list();
    }

    /** Deletes one upload only if it is still unattached (a status may have taken it meanwhile). */
    public boolean deleteIfUnattached(long id) {
        return jdbc.sql("DELETE FROM media_attachments WHERE id = ? AND status_id IS NULL AND scheduled_status_id IS NULL")
                .param(id).update() == 1;
    }

    /**
     * Keeps these unposted uploads for an edit of the status waiting for review: linked to the status (so out of
     * the purge, and deleted with it) but not shown, until the edit is approved and they take their places.
     */
    public void keepForHeldEdit(long accountId, Collection<Long> mediaIds, long statusId) {
        if (!mediaIds.isEmpty()) {
            jdbc.sql("UPDATE media_attachments SET status_id = :s WHERE account_id = :a AND id IN (:ids) "
                    + "AND status_id IS NULL").param("s", statusId).param("a", accountId)
                    .param("ids", mediaIds).update();
        }
    }

    /** Keeps these unposted uploads for a scheduled status (out of the purge) until it is posted or cancelled. */
    public void reserve(long accountId, Collection<Long> mediaIds, long scheduledStatusId) {
        if (!mediaIds.isEmpty()) {
            jdbc.sql("UPDATE media_attachments SET scheduled_status_id = :s WHERE account_id = :a AND id IN (:ids) "
                    + "AND status_id IS NULL").param("s", scheduledStatusId).param("a", accountId)
                    .param("ids", mediaIds).update();
        }
    }

    private static MediaAttachment map(ResultSet rs, int row) throws SQLException {
        Double x = rs.getObject("focus_x", Double.class);
        Double y = rs.getObject("focus_y", Double.class);
        return new MediaAttachment(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("status_id", Long.class),
                rs.getObject("status_position", Integer.class), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("preview_file_name"), rs.getString("content_type"), rs.getInt("width"),
                rs.getInt("height"), rs.getInt("preview_width"), rs.getInt("preview_height"), rs.getLong("file_size"),
                rs.getString("blurhash"), rs.getString("description"),
                x == null || y == null ? null : new FocalPoint(x, y), SqlTime.read(rs, "created_at"));
    }
}
