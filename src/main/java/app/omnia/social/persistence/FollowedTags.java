package app.omnia.social.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Hashtags followed by accounts. */
@Repository
public class FollowedTags {

    public record Followed(long id, String tag) {}

    private final JdbcClient jdbc;

    public FollowedTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long id, long accountId, String tag, Instant at) {
        jdbc.sql("INSERT INTO followed_tags (id, account_id, tag, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, accountId, tag, SqlTime.of(at)).update();
    }

    public void remove(long accountId, String tag) {
        jdbc.sql("DELETE FROM followed_tags WHERE account_id = ? AND tag = ?").params(accountId, tag).update();
    }

    public boolean follows(long accountId, String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM followed_tags WHERE account_id = ? AND tag = ?").params(accountId, tag)
                .query(Long.class).single() > 0;
    }

    /** The accounts that follow any of these tags. */
    public List<Long> followersOfAny(java.util.Collection<String> tags) {
        return tags.isEmpty() ? List.of() : jdbc.sql("SELECT DISTINCT account_id FROM followed_tags WHERE tag IN (:t)")
                .param("t", tags).query(Long.class).list();
    }

    public List<Followed> page(long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        String sql = SqlPaging.apply("SELECT id, tag FROM followed_tags WHERE account_id = :a", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params)
                .query((rs, i) -> new Followed(rs.getLong("id"), rs.getString("tag"))).list(), page);
    }
}
