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

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;
import app.omnia.platform.persistence.SqlTime;

/**
 * Marks that moderation puts on statuses, media attachments and accounts (hidden, removed, limited,
 * sensitive), and which authors are suspended: what the read paths filter on. A status carries the marks of
 * the media it shows.
 */
@Repository
public class ModerationMarks {

    /**
     * SQL condition (on {@code statuses}) for the public and hashtag timelines and search: nothing held, removed,
     * limited, waiting for review or rejected, nothing by a limited (silenced) or suspended account. Appended to a WHERE clause.
     */
    public static final String IN_PUBLIC_REACH = """
             AND NOT EXISTS (SELECT 1 FROM moderation_marks mm WHERE mm.subject_kind = 'status'
                 AND mm.subject_id = statuses.id AND mm.state IN ('hidden', 'removed', 'limited', 'pending', 'rejected'))
             AND NOT EXISTS (SELECT 1 FROM moderation_marks mm WHERE mm.subject_kind = 'account'
                 AND mm.subject_id = statuses.account_id AND mm.state = 'limited')
             AND NOT EXISTS (SELECT 1 FROM accounts sa WHERE sa.id = statuses.account_id AND sa.suspended_at IS NOT NULL)
            """;

    /**
     * SQL condition (on {@code statuses}) for what counters count: not a supervised account's post, boost or reply
     * still waiting for review, or rejected (nobody else sees it, so its count must not reveal it either).
     */
    public static final String REVIEWED_OR_UNSUPERVISED = """
             AND NOT EXISTS (SELECT 1 FROM moderation_marks mm WHERE mm.subject_kind = 'status'
                 AND mm.subject_id = statuses.id AND mm.state IN ('pending', 'rejected'))
            """;

    private final JdbcClient jdbc;
    /** Each status's marks (its own and its shown media's), and each account's: every page reads them. */
    private final SharedCache<Set<String>> statusMarks;
    private final SharedCache<Set<String>> accountMarks;

    ModerationMarks(JdbcClient jdbc, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.statusMarks = caches.create("status-marks", settings.moderation());
        this.accountMarks = caches.create("account-marks", settings.moderation());
    }

    /**
     * Adds a mark; false if it was already there. Every mark moderation sets or lifts (actions, automatic
     * hiding, holds, restores) goes through here or {@link #remove}, which evict what the mark changes.
     */
    public boolean add(String kind, long id, String state, Instant at) {
        boolean added = jdbc.sql("""
                INSERT INTO moderation_marks (subject_kind, subject_id, state, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(kind, id, state, SqlTime.of(at)).update() == 1;
        changed(kind, id);
        return added;
    }

    public boolean remove(String kind, long id, String state) {
        boolean removed = jdbc.sql("DELETE FROM moderation_marks WHERE subject_kind = ? AND subject_id = ? AND state = ?")
                .params(kind, id, state).update() == 1;
        changed(kind, id);
        return removed;
    }

    private void changed(String kind, long id) {
        switch (kind) {
            case "status" -> statusMarks.invalidate(id);
            case "account" -> accountMarks.invalidate(id);
            // A status carries the marks of the media it shows.
            case "media" -> mediaPlacement(id).ifPresent(placement -> statusMarks.invalidate(placement[0]));
            default -> { }
        }
    }

    /** The media a status shows changed (attached, edited): its marks include theirs. */
    public void mediaShownChanged(long statusId) {
        statusMarks.invalidate(statusId);
    }

    /** As {@link #ofStatuses}, from the cache (statuses with no mark are cached too: they are most). */
    public Map<Long, Set<String>> ofStatusesCached(Collection<Long> statusIds) {
        return statusMarks.getAll(statusIds, missing -> everyId(missing, ofStatuses(missing)));
    }

    /** As {@link #ofAccounts}, from the cache. */
    public Map<Long, Set<String>> ofAccountsCached(Collection<Long> accountIds) {
        return accountMarks.getAll(accountIds, missing -> everyId(missing, ofAccounts(missing)));
    }

    private static Map<Long, Set<String>> everyId(Set<Long> ids, Map<Long, Set<String>> found) {
        Map<Long, Set<String>> all = new HashMap<>();
        ids.forEach(id -> all.put(id, Set.copyOf(found.getOrDefault(id, Set.of()))));
        return all;
    }

    /** For tests that measure a cold cache. */
    public void clearCache() {
        statusMarks.clear();
        accountMarks.clear();
    }

    /** The states of each status, its own and those of the media it shows. */
    public Map<Long, Set<String>> ofStatuses(Collection<Long> statusIds) {
        Map<Long, Set<String>> states = new HashMap<>();
        if (statusIds.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                SELECT subject_id AS status_id, state FROM moderation_marks
                WHERE subject_kind = 'status' AND subject_id IN (:ids)
                UNION ALL
                SELECT m.status_id, mm.state FROM media_attachments m
                JOIN moderation_marks mm ON mm.subject_kind = 'media' AND mm.subject_id = m.id
                WHERE m.status_id IN (:ids) AND m.status_position IS NOT NULL
                """).param("ids", statusIds)
                .query(rs -> {
                    states.computeIfAbsent(rs.getLong("status_id"), k -> new HashSet<>()).add(rs.getString("state"));
                });
        return states;
    }

    public Map<Long, Set<String>> ofAccounts(Collection<Long> accountIds) {
        Map<Long, Set<String>> states = new HashMap<>();
        if (accountIds.isEmpty()) {
            return states;
        }
        jdbc.sql("SELECT subject_id, state FROM moderation_marks WHERE subject_kind = 'account' AND subject_id IN (:ids)")
                .param("ids", accountIds)
                .query(rs -> {
                    states.computeIfAbsent(rs.getLong("subject_id"), k -> new HashSet<>()).add(rs.getString("state"));
                });
        return states;
    }

    /** Follows between members of a group, as (follower, followed) pairs: for weighing reporters. */
    public List<long[]> followsAmong(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT account_id, target_account_id FROM follows
                WHERE account_id IN (:ids) AND target_account_id IN (:ids)
                """).param("ids", accountIds)
                .query((rs, i) -> new long[] {rs.getLong("account_id"), rs.getLong("target_account_id")}).list();
    }

    /** A media attachment's status and owner, if it is shown on a status. */
    public java.util.Optional<long[]> mediaPlacement(long mediaId) {
        return jdbc.sql("SELECT status_id, account_id FROM media_attachments WHERE id = ? AND status_id IS NOT NULL")
                .param(mediaId)
                .query((rs, i) -> new long[] {rs.getLong("status_id"), rs.getLong("account_id")}).optional();
    }
}
