package app.omnia.social.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * One version of a status, as kept in its edit history, with the attachments it showed in order.
     *
     * @param pollOptions the poll's options in this version, or null when it had no poll
     */
    public record Version(String text, String content, String spoilerText, boolean sensitive, java.time.Instant at,
                          List<String> pollOptions, List<Long> mediaIds) {}

    public void add(long id, Status s, java.time.Instant at, List<String> pollOptions, List<Long> mediaIds) {
        jdbc.sql("""
                INSERT INTO status_edits (id, status_id, account_id, text, content, spoiler_text, sensitive, created_at,
                    media_attachment_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, s.id(), s.accountId(), s.text(), s.content(), s.spoilerText(), s.sensitive(),
                SqlTime.of(at), mediaIds.isEmpty() ? null
                        : String.join(",", mediaIds.stream().map(String::valueOf).toList())).update();
        if (pollOptions != null) {
            for (int i = 0; i < pollOptions.size(); i++) {
                jdbc.sql("INSERT INTO status_edit_poll_options (edit_id, option_index, title) VALUES (?, ?, ?)")
                        .params(id, i, pollOptions.get(i)).update();
            }
        }
    }

    /** Every version, oldest first (empty for a status never edited). */
    public List<Version> of(long statusId) {
        Map<Long, List<String>> options = new HashMap<>();
        jdbc.sql("""
                SELECT o.edit_id, o.title FROM status_edit_poll_options o JOIN status_edits e ON e.id = o.edit_id
                WHERE e.status_id = ? ORDER BY o.edit_id, o.option_index
                """).param(statusId)
                .query((rs, i) -> options.computeIfAbsent(rs.getLong("edit_id"), k -> new ArrayList<>())
                        .add(rs.getString("title")))
                .list();
        return jdbc.sql("SELECT * FROM status_edits WHERE status_id = ? ORDER BY id").param(statusId)
                .query((rs, i) -> new Version(rs.getString("text"), rs.getString("content"),
                        rs.getString("spoiler_text"), rs.getBoolean("sensitive"), SqlTime.read(rs, "created_at"),
                        options.get(rs.getLong("id")), idList(rs.getString("media_attachment_ids"))))
                .list();
    }

    private static List<Long> idList(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : java.util.Arrays.stream(commaSeparated.split(",")).map(Long::parseLong).toList();
    }
}
