package app.omnia.social.persistence;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.social.domain.Status;

/**
 * What is trending: recent public posts ranked by favourites and reblogs, hashtags by how many accounts used
 * them. Both keep to what may reach the public ({@link ModerationMarks#IN_PUBLIC_REACH}: nothing held, removed,
 * limited or waiting for review, nothing by a limited or suspended account), and posts trend only for authors
 * who chose to be discoverable (minors start undiscoverable).
 */
@Repository
public class Trends {

    private final JdbcClient jdbc;

    public Trends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Public original posts since {@code sinceId} with at least one favourite or reblog, most shared first. */
    public List<Status> statuses(long sinceId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT statuses.*,
                           (SELECT COUNT(*) FROM favourites f WHERE f.status_id = statuses.id)
                         + (SELECT COUNT(*) FROM statuses r WHERE r.reblog_of_id = statuses.id) AS score
                    FROM statuses
                    WHERE visibility = 'public' AND reblog_of_id IS NULL AND id >= :since
                      AND EXISTS (SELECT 1 FROM accounts ta WHERE ta.id = statuses.account_id AND ta.discoverable = TRUE)
                """ + ModerationMarks.IN_PUBLIC_REACH + """
                ) ranked WHERE score > 0
                ORDER BY score DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("since", sinceId).param("limit", limit).param("offset", offset)
                .query(Statuses.ROW).list();
    }

    /** Hashtags of public posts since {@code sinceId}, used by the most distinct accounts first. */
    public List<String> tags(long sinceId, int limit, int offset) {
        return jdbc.sql("""
                SELECT status_tags.tag FROM status_tags JOIN statuses ON statuses.id = status_tags.status_id
                WHERE statuses.visibility = 'public' AND statuses.id >= :since
                """ + ModerationMarks.IN_PUBLIC_REACH + """
                GROUP BY status_tags.tag
                ORDER BY COUNT(DISTINCT statuses.account_id) DESC, status_tags.tag LIMIT :limit OFFSET :offset
                """).param("since", sinceId).param("limit", limit).param("offset", offset)
                .query(String.class).list();
    }
}
