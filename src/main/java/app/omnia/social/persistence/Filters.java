package app.omnia.social.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.domain.ContentFilter;

/** Filters with their keywords and statuses. An account's filters are read whole (they are few). */
@Repository
public class Filters {

    /** Most filters per account, and most keywords or statuses per filter (Mastodon has no fixed cap). */
    public static final int MAX_FILTERS = 100;
    public static final int MAX_ENTRIES = 500;

    private final JdbcClient jdbc;

    Filters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, long accountId, String title, List<String> contexts, String action, Instant expiresAt,
                       Instant now) {
        jdbc.sql("INSERT INTO filters (id, account_id, title, contexts, action, expires_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, accountId, title, String.join(",", contexts), action, SqlTime.of(expiresAt), SqlTime.of(now))
                .update();
    }

    public void update(long id, String title, List<String> contexts, String action, Instant expiresAt) {
        jdbc.sql("UPDATE filters SET title = ?, contexts = ?, action = ?, expires_at = ? WHERE id = ?")
                .params(title, String.join(",", contexts), action, SqlTime.of(expiresAt), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM filters WHERE id = ?").param(id).update();
    }

    public long count(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM filters WHERE account_id = ?").param(accountId).query(Long.class).single();
    }

    public void addKeyword(long id, long filterId, long accountId, String keyword, boolean wholeWord) {
        jdbc.sql("INSERT INTO filter_keywords (id, filter_id, account_id, keyword, whole_word) VALUES (?, ?, ?, ?, ?)")
                .params(id, filterId, accountId, keyword, wholeWord).update();
    }

    public void updateKeyword(long id, String keyword, boolean wholeWord) {
        jdbc.sql("UPDATE filter_keywords SET keyword = ?, whole_word = ? WHERE id = ?").params(keyword, wholeWord, id)
                .update();
    }

    public void deleteKeyword(long id) {
        jdbc.sql("DELETE FROM filter_keywords WHERE id = ?").param(id).update();
    }

    /** False if the filter already names the status. */
    public boolean addStatus(long id, long filterId, long accountId, long statusId) {
        return jdbc.sql("INSERT INTO filter_statuses (id, filter_id, account_id, status_id) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING").params(id, filterId, accountId, statusId).update() > 0;
    }

    public void deleteStatus(long id) {
        jdbc.sql("DELETE FROM filter_statuses WHERE id = ?").param(id).update();
    }

    public Optional<Long> filterOfKeyword(long keywordId) {
        return jdbc.sql("SELECT filter_id FROM filter_keywords WHERE id = ?").param(keywordId).query(Long.class).optional();
    }

    public Optional<Long> filterOfStatus(long filterStatusId) {
        return jdbc.sql("SELECT filter_id FROM filter_statuses WHERE id = ?").param(filterStatusId).query(Long.class)
                .optional();
    }

    /** Every filter of an account, oldest first, with keywords and statuses: one query, two more if it has any. */
    public List<ContentFilter> of(long accountId) {
        return load("f.account_id = ?", accountId);
    }

    public Optional<ContentFilter> find(long id) {
        return load("f.id = ?", id).stream().findFirst();
    }

    private List<ContentFilter> load(String where, long param) {
        Map<Long, ContentFilter> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT f.* FROM filters f WHERE " + where + " ORDER BY f.id").param(param).query(rs -> {
            byId.put(rs.getLong("id"), new ContentFilter(rs.getLong("id"), rs.getLong("account_id"),
                    rs.getString("title"), new LinkedHashSet<>(Arrays.asList(rs.getString("contexts").split(","))),
                    rs.getString("action"), SqlTime.read(rs, "expires_at"), new ArrayList<>(), new ArrayList<>()));
        });
        if (byId.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT * FROM filter_keywords WHERE filter_id IN (:ids) ORDER BY id").param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong("filter_id")).keywords().add(new ContentFilter.Keyword(rs.getLong("id"),
                            rs.getLong("filter_id"), rs.getString("keyword"), rs.getBoolean("whole_word")));
                });
        jdbc.sql("SELECT * FROM filter_statuses WHERE filter_id IN (:ids) ORDER BY id").param("ids", byId.keySet())
                .query(rs -> {
                    byId.get(rs.getLong("filter_id")).statuses().add(new ContentFilter.FilteredStatus(rs.getLong("id"),
                            rs.getLong("filter_id"), rs.getLong("status_id")));
                });
        return List.copyOf(byId.values());
    }
}
