package app.omnia.social.persistence;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.domain.Status;

/** The versions of edited statuses, oldest first, for {@code /history}. */
@Repository
public class StatusEdits {

    private final JdbcClient jdbc;

    public StatusEdits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One version of a status, as kept in its edit history, with the attachments it showed in order. */
    public record Version(String text, String content, String spoilerText, boolean sensitive, java.time.Instant at,
                          List<Long> mediaIds) {}

    public void add(long id, Status s, java.time.Instant at, List<Long> mediaIds) {
        jdbc.sql("""
                INSERT INTO status_edits (id, status_id, account_id, text, content, spoiler_text, sensitive, created_at,
                    media_attachment_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, s.id(), s.accountId(), s.text(), s.content(), s.spoilerText(), s.sensitive(),
                SqlTime.of(at), mediaIds.isEmpty() ? null
                        : String.join(",", mediaIds.stream().map(String::valueOf).toList())).update();
    }

    /** Every version, oldest first (empty for a status never edited). */
    public List<Version> of(long statusId) {
        return jdbc.sql("SELECT * FROM status_edits WHERE status_id = ? ORDER BY id").param(statusId)
                .query((rs, i) -> new Version(rs.getString("text"), rs.getString("content"),
                        rs.getString("spoiler_text"), rs.getBoolean("sensitive"), SqlTime.read(rs, "created_at"),
                        idList(rs.getString("media_attachment_ids"))))
                .list();
    }

    private static List<Long> idList(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : java.util.Arrays.stream(commaSeparated.split(",")).map(Long::parseLong).toList();
    }
}
