package app.omnia.social.persistence;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.social.domain.Status;

/**
 * Search over what is public: discoverable accounts by handle or display name, hashtags by prefix, and
 * public statuses by words in their text. Plain SQL that runs on H2 and PostgreSQL alike; a dedicated
 * full-text index is the scale-out step.
 */
@Repository
public class Search {

    private final JdbcClient jdbc;

    public Search(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Discoverable, approved, unsuspended adult accounts (born on or before {@code adultsBornBy}: minors are
     * never listed) whose username starts with, or display name contains, q.
     */
    public List<Long> accounts(String q, java.time.LocalDate adultsBornBy, int limit, int offset) {
        String term = like(q);
        return jdbc.sql("""
                SELECT id FROM accounts
                WHERE discoverable = TRUE AND approved = TRUE AND suspended_at IS NULL AND date_of_birth <= :adults
                  AND (username_key LIKE :prefix ESCAPE '\\' OR LOWER(display_name) LIKE :contains ESCAPE '\\')
                ORDER BY CASE WHEN username_key = :exact THEN 0 ELSE 1 END, username_key
                LIMIT :limit OFFSET :offset
                """)
                .param("prefix", term + "%").param("contains", "%" + term + "%").param("exact", q.toLowerCase(Locale.ROOT))
                .param("limit", limit).param("offset", offset).param("adults", adultsBornBy)
                .query(Long.class).list();
    }

    public List<String> hashtags(String prefix, int limit, int offset) {
        return jdbc.sql("""
                SELECT tag FROM status_tags WHERE tag LIKE :prefix ESCAPE '\\'
                GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT :limit OFFSET :offset
                """).param("prefix", like(prefix) + "%").param("limit", limit).param("offset", offset)
                .query(String.class).list();
    }

    /** Public original statuses containing every word of q, newest first. */
    public List<Status> statuses(List<String> words, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT * FROM statuses WHERE visibility = 'public' AND reblog_of_id IS NULL"
                + ModerationMarks.IN_PUBLIC_REACH);
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND LOWER(text) LIKE :w").append(i).append(" ESCAPE '\\'");
            params.put("w" + i, "%" + like(words.get(i)) + "%");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(Statuses.ROW).list();
    }

    /** Lower-cases and escapes LIKE's wildcards, so that a search for "50%" means exactly that. */
    private static String like(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
