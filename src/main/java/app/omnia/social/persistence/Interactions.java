package app.omnia.social.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/**
 * Favourites and bookmarks: one row per account and status (adding twice is a no-op), with an id of their
 * own so that lists page by when the interaction happened.
 */
@Repository
public class Interactions {

    /** The two tables share a shape; the name is never user input. */
    public enum Kind {
        FAVOURITE("favourites"), BOOKMARK("bookmarks");

        final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** An interaction row: its own id (for paging) and the status it points at. */
    public record Entry(long id, long accountId, long statusId) {}

    private final JdbcClient jdbc;
    private final StatusCardCache cards;
    private final ViewerStateCache viewerStates;

    public Interactions(JdbcClient jdbc, StatusCardCache cards, ViewerStateCache viewerStates) {
        this.jdbc = jdbc;
        this.cards = cards;
        this.viewerStates = viewerStates;
    }

    public boolean add(Kind kind, long id, long accountId, long statusId, Instant at) {
        boolean added = jdbc.sql("INSERT INTO " + kind.table + " (id, account_id, status_id, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(id, accountId, statusId, SqlTime.of(at)).update() > 0;
        countChanged(kind, added, statusId);
        viewerStates.invalidate(accountId);
        return added;
    }

    public boolean remove(Kind kind, long accountId, long statusId) {
        boolean removed = jdbc.sql("DELETE FROM " + kind.table + " WHERE account_id = ? AND status_id = ?")
                .params(accountId, statusId).update() > 0;
        countChanged(kind, removed, statusId);
        viewerStates.invalidate(accountId);
        return removed;
    }

    /** A status's card shows its favourites count (bookmarks are private: no card shows them). */
    private void countChanged(Kind kind, boolean changed, long statusId) {
        if (changed && kind == Kind.FAVOURITE) {
            cards.invalidate(statusId);
        }
    }

    /** Which of these statuses the account has favourited (or bookmarked). */
    public Set<Long> which(Kind kind, long accountId, Collection<Long> statusIds) {
        Set<Long> found = new HashSet<>();
        if (!statusIds.isEmpty()) {
            found.addAll(jdbc.sql("SELECT status_id FROM " + kind.table + " WHERE account_id = :a AND status_id IN (:ids)")
                    .param("a", accountId).param("ids", statusIds).query(Long.class).list());
        }
        return found;
    }

    public Map<Long, Long> counts(Kind kind, Collection<Long> statusIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!statusIds.isEmpty()) {
            jdbc.sql("SELECT status_id, COUNT(*) AS n FROM " + kind.table + " WHERE status_id IN (:ids) GROUP BY status_id")
                    .param("ids", statusIds).query(rs -> {
                        counts.put(rs.getLong("status_id"), rs.getLong("n"));
                    });
        }
        return counts;
    }

    /** Who favourited a status, newest first, paged by the favourite's id. */
    public List<Entry> byStatus(Kind kind, long statusId, PageRequest page) {
        return pageOf(kind, "status_id = :s", Map.of("s", statusId), page);
    }

    /** An account's favourites or bookmarks, newest first, paged by the interaction's id. */
    public List<Entry> byAccount(Kind kind, long accountId, PageRequest page) {
        return pageOf(kind, "account_id = :a", Map.of("a", accountId), page);
    }

    private List<Entry> pageOf(Kind kind, String where, Map<String, Object> params, PageRequest page) {
        Map<String, Object> all = new HashMap<>(params);
        String sql = SqlPaging.apply("SELECT id, account_id, status_id FROM " + kind.table + " WHERE " + where, page, all);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(all)
                .query((rs, i) -> new Entry(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("status_id")))
                .list(), page);
    }
}
