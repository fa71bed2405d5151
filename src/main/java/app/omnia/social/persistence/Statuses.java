package app.omnia.social.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.domain.QuotePolicy;
import app.omnia.social.domain.ReplyPolicy;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;

/** Statuses with their mentions and tags. Timelines are read newest first by id, with Mastodon's cursors. */
@Repository
public class Statuses {

    private final JdbcClient jdbc;
    private final AccountStats stats;
    private final StatusCardCache cards;
    private final ViewerStateCache viewerStates;

    public Statuses(JdbcClient jdbc, AccountStats stats, StatusCardCache cards, ViewerStateCache viewerStates) {
        this.jdbc = jdbc;
        this.stats = stats;
        this.cards = cards;
        this.viewerStates = viewerStates;
    }

    public void insert(Status s, Collection<Long> mentionedAccountIds, Collection<String> tags) {
        jdbc.sql("""
                INSERT INTO statuses (id, account_id, text, content, spoiler_text, sensitive, visibility, language,
                    in_reply_to_id, in_reply_to_account_id, reblog_of_id, application_id, created_at, reply_policy,
                    quoted_status_id, quote_policy)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(s.id(), s.accountId(), s.text(), s.content(), s.spoilerText(), s.sensitive(),
                        s.visibility().key(), s.language(), s.inReplyToId(), s.inReplyToAccountId(), s.reblogOfId(),
                        s.applicationId(), SqlTime.of(s.createdAt()), s.replyPolicy().key(), s.quotedStatusId(),
                        s.quotePolicy().key())
                .update();
        stats.addStatuses(s.accountId(), 1);
        for (long account : mentionedAccountIds) {
            jdbc.sql("INSERT INTO status_mentions (status_id, account_id) VALUES (?, ?)").params(s.id(), account).update();
        }
        for (String tag : tags) {
            jdbc.sql("INSERT INTO status_tags (status_id, tag) VALUES (?, ?)").params(s.id(), tag).update();
        }
        // The counters of what it replies to, shares or quotes change.
        cards.invalidate(s.inReplyToId());
        cards.invalidate(s.reblogOfId());
        cards.invalidate(s.quotedStatusId());
        if (s.isReblog()) {
            viewerStates.invalidate(s.accountId()); // the sharer's "reblogged" flag of the original
        }
    }

    /** Replaces the text of a status (its mentions and tags follow) and stamps it edited. */
    public void update(Status s, Collection<Long> mentionedAccountIds, Collection<String> tags) {
        jdbc.sql("""
                UPDATE statuses SET text = ?, content = ?, spoiler_text = ?, sensitive = ?, language = ?, edited_at = ?
                WHERE id = ?
                """).params(s.text(), s.content(), s.spoilerText(), s.sensitive(), s.language(),
                SqlTime.of(s.editedAt()), s.id()).update();
        jdbc.sql("DELETE FROM status_mentions WHERE status_id = ?").param(s.id()).update();
        jdbc.sql("DELETE FROM status_tags WHERE status_id = ?").param(s.id()).update();
        for (long account : mentionedAccountIds) {
            jdbc.sql("INSERT INTO status_mentions (status_id, account_id) VALUES (?, ?)").params(s.id(), account).update();
        }
        for (String tag : tags) {
            jdbc.sql("INSERT INTO status_tags (status_id, tag) VALUES (?, ?)").params(s.id(), tag).update();
        }
        cards.invalidate(s.id());
    }

    public Optional<Status> find(long id) {
        return jdbc.sql("SELECT * FROM statuses WHERE id = ?").param(id).query(Statuses::map).optional();
    }

    public Map<Long, Status> findAll(Collection<Long> ids) {
        Map<Long, Status> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM statuses WHERE id IN (:ids)").param("ids", ids).query(Statuses::map).list()
                    .forEach(s -> byId.put(s.id(), s));
        }
        return byId;
    }

    /** Deleting a status deletes its reblogs too; replies stay, pointing at a status that is gone. */
    public void delete(long id) {
        List<Long> authors = new ArrayList<>();
        java.util.Set<Long> changed = new java.util.HashSet<>();
        jdbc.sql("SELECT id, account_id, in_reply_to_id, reblog_of_id, quoted_status_id FROM statuses"
                + " WHERE reblog_of_id = ? OR id = ?").params(id, id).query(rs -> {
                    authors.add(rs.getLong("account_id"));
                    changed.add(rs.getLong("id"));
                    // The counters of what they replied to, shared or quoted change too.
                    for (String column : List.of("in_reply_to_id", "reblog_of_id", "quoted_status_id")) {
                        Long other = rs.getObject(column, Long.class);
                        if (other != null) {
                            changed.add(other);
                        }
                    }
                });
        jdbc.sql("DELETE FROM statuses WHERE reblog_of_id = ?").param(id).update();
        jdbc.sql("DELETE FROM statuses WHERE id = ?").param(id).update();
        authors.forEach(author -> stats.addStatuses(author, -1));
        cards.invalidate(changed);
        viewerStates.invalidate(authors); // a reblog gone: its sharer's "reblogged" flag
    }

    /** Uses of a tag on one day (days counted since the id epoch, UTC) and how many accounts used it. */
    public record TagDay(String tag, long day, long uses, long accounts) {}

    /**
     * Daily uses of these tags in public and unlisted statuses made since {@code sinceId}. The day is taken from
     * the time-sorted id itself (milliseconds since the id epoch, a UTC midnight), the same on H2 and PostgreSQL.
     */
    public List<TagDay> tagDays(Collection<String> tags, long sinceId) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT t.tag, (s.id / 65536) / 86400000 AS day_index, COUNT(*) AS uses, COUNT(DISTINCT s.account_id) AS accounts
                FROM status_tags t JOIN statuses s ON s.id = t.status_id
                WHERE t.tag IN (:tags) AND s.id >= :since AND s.visibility IN ('public', 'unlisted')
                GROUP BY t.tag, (s.id / 65536) / 86400000
                """).param("tags", tags).param("since", sinceId)
                .query((rs, i) -> new TagDay(rs.getString("tag"), rs.getLong("day_index"), rs.getLong("uses"),
                        rs.getLong("accounts"))).list();
    }

    /** How many statuses quote each of these. */
    public Map<Long, Long> quoteCounts(Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT quoted_status_id, COUNT(*) AS n FROM statuses WHERE quoted_status_id IN (:ids) "
                    + ModerationMarks.REVIEWED_OR_UNSUPERVISED + " GROUP BY quoted_status_id").param("ids", ids)
                    .query(rs -> {
                        counts.put(rs.getLong("quoted_status_id"), rs.getLong("n"));
                    });
        }
        return counts;
    }

    /** A page of the statuses quoting this one, newest first. */
    public List<Status> quotesOf(long quotedId, PageRequest page) {
        return page("quoted_status_id = :q", Map.of("q", quotedId), page);
    }

    /** The reblogs of a status, which go when it goes. */
    public List<Status> reblogsOf(long originalId) {
        return jdbc.sql("SELECT * FROM statuses WHERE reblog_of_id = ?").param(originalId).query(Statuses::map).list();
    }

    public Optional<Status> findReblog(long accountId, long originalId) {
        return jdbc.sql("SELECT * FROM statuses WHERE account_id = ? AND reblog_of_id = ?")
                .params(accountId, originalId).query(Statuses::map).optional();
    }

    /** The accounts that reblogged a status. */
    public List<Long> reblogAccounts(long originalId) {
        return jdbc.sql("SELECT account_id FROM statuses WHERE reblog_of_id = ?").param(originalId)
                .query(Long.class).list();
    }

    /** Which of these originals the account has reblogged. */
    public java.util.Set<Long> reblogged(long accountId, Collection<Long> originalIds) {
        return originalIds.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(jdbc.sql(
                "SELECT reblog_of_id FROM statuses WHERE account_id = :a AND reblog_of_id IN (:ids)")
                .param("a", accountId).param("ids", originalIds).query(Long.class).list());
    }

    /** The reblogs of a status, newest first (for reblogged_by). */
    public List<Status> reblogsOf(long originalId, PageRequest page) {
        return page("reblog_of_id = :original", Map.of("original", originalId), page);
    }

    public List<Status> replies(long id) {
        return jdbc.sql("SELECT * FROM statuses WHERE in_reply_to_id = ? ORDER BY id LIMIT 200").param(id)
                .query(Statuses::map).list();
    }

    public Map<Long, List<Long>> mentions(Collection<Long> statusIds) {
        return grouped("SELECT status_id, account_id AS v FROM status_mentions WHERE status_id IN (:ids)", statusIds,
                Long.class);
    }

    public Map<Long, List<String>> tags(Collection<Long> statusIds) {
        return grouped("SELECT status_id, tag AS v FROM status_tags WHERE status_id IN (:ids) ORDER BY tag", statusIds,
                String.class);
    }

    /** Reply and reblog counts per status (leaving out what waits for review, see ModerationMarks). */
    public Map<Long, long[]> replyAndReblogCounts(Collection<Long> statusIds) {
        Map<Long, long[]> counts = new HashMap<>();
        if (statusIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT in_reply_to_id AS id, COUNT(*) AS n FROM statuses WHERE in_reply_to_id IN (:ids)
                """ + ModerationMarks.REVIEWED_OR_UNSUPERVISED + """
                GROUP BY in_reply_to_id
                """).param("ids", statusIds)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("id"), k -> new long[2])[0] = rs.getLong("n");
                });
        jdbc.sql("""
                SELECT reblog_of_id AS id, COUNT(*) AS n FROM statuses WHERE reblog_of_id IN (:ids)
                """ + ModerationMarks.REVIEWED_OR_UNSUPERVISED + """
                GROUP BY reblog_of_id
                """).param("ids", statusIds)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("id"), k -> new long[2])[1] = rs.getLong("n");
                });
        return counts;
    }


    /** Mastodon's {@code only_media}: statuses showing at least one attachment (so never a reblog itself). */
    private static final String WITH_MEDIA = " AND EXISTS (SELECT 1 FROM media_attachments m"
            + " WHERE m.status_id = statuses.id AND m.status_position IS NOT NULL)";

    /** One author's statuses (profile), optionally without replies or only those with media. */
    public List<Status> byAccount(long accountId, boolean excludeReplies, boolean onlyMedia, List<Visibility> visible,
                                  PageRequest page) {
        String where = "account_id = :account AND visibility IN (:visible)"
                + (excludeReplies ? " AND in_reply_to_id IS NULL" : "") + (onlyMedia ? WITH_MEDIA : "");
        return page(where, Map.of("account", accountId, "visible", keys(visible)), page);
    }

    /** Public timeline: public statuses (not reblogs, as Mastodon's local timeline). */
    public List<Status> publicTimeline(boolean onlyMedia, PageRequest page) {
        return page("visibility = 'public' AND reblog_of_id IS NULL" + (onlyMedia ? WITH_MEDIA : "")
                + ModerationMarks.IN_PUBLIC_REACH, Map.of(), page);
    }

    /** Statuses carrying a tag, public only. */
    public List<Status> tagged(String tag, boolean onlyMedia, PageRequest page) {
        return page("visibility = 'public' AND id IN (SELECT status_id FROM status_tags WHERE tag = :tag)"
                + (onlyMedia ? WITH_MEDIA : "") + ModerationMarks.IN_PUBLIC_REACH, Map.of("tag", tag), page);
    }

    /**
     * Home, the simple correct way: the viewer's own statuses and those of the accounts they follow that are
     * not direct messages (less their reblogs where the viewer turned those off), direct messages that mention the viewer, and public posts with a hashtag the viewer
     * follows. (Fan-out comes with the timeline module.)
     */
    public List<Status> home(long viewerId, PageRequest page) {
        return page("""
                (account_id = :viewer
                  OR (visibility <> 'direct' AND (
                      account_id IN (SELECT target_account_id FROM follows WHERE account_id = :viewer
                                     AND show_reblogs = TRUE)
                      OR (reblog_of_id IS NULL
                          AND account_id IN (SELECT target_account_id FROM follows WHERE account_id = :viewer))))
                  OR (visibility = 'direct' AND id IN (SELECT status_id FROM status_mentions WHERE account_id = :viewer))
                  OR (visibility = 'public' AND reblog_of_id IS NULL AND id IN (SELECT t.status_id FROM status_tags t
                      JOIN followed_tags f ON f.tag = t.tag WHERE f.account_id = :viewer)))
                """, Map.of("viewer", viewerId), page);
    }

    /** A status's home-timeline line: id, author, original (no text). */
    public record Line(long id, long accountId, Long reblogOfId) {}

    private static final org.springframework.jdbc.core.RowMapper<Line> LINE = (rs, i) -> new Line(rs.getLong("id"),
            rs.getLong("account_id"), rs.getObject("reblog_of_id", Long.class));

    public List<Long> recentIds(long accountId, int limit) {
        return jdbc.sql("SELECT id FROM statuses WHERE account_id = ? ORDER BY id DESC LIMIT ?")
                .params(accountId, limit).query(Long.class).list();
    }

    /**
     * The newest lines of one author that the viewer's home shows because it follows them: not direct
     * messages, and reblogs only if the follow shows them. Nothing if the viewer does not follow the author.
     */
    public List<Line> recentForFollower(long viewerId, long authorId, int limit) {
        return jdbc.sql("""
                SELECT id, account_id, reblog_of_id FROM statuses s WHERE account_id = :author
                  AND visibility <> 'direct'
                  AND EXISTS (SELECT 1 FROM follows f WHERE f.account_id = :viewer AND f.target_account_id = :author
                              AND (f.show_reblogs = TRUE OR s.reblog_of_id IS NULL))
                ORDER BY id DESC LIMIT :limit
                """).param("viewer", viewerId).param("author", authorId).param("limit", limit).query(LINE).list();
    }

    /**
     * A page of the home lines of some followed authors, read at home time rather than copied: their
     * statuses that are not direct messages, reblogs only from those in {@code withReblogs}.
     */
    public List<Line> linesBy(Collection<Long> withReblogs, Collection<Long> withoutReblogs, PageRequest page) {
        List<String> who = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!withReblogs.isEmpty()) {
            who.add("account_id IN (:withReblogs)");
            params.put("withReblogs", withReblogs);
        }
        if (!withoutReblogs.isEmpty()) {
            who.add("(reblog_of_id IS NULL AND account_id IN (:withoutReblogs))");
            params.put("withoutReblogs", withoutReblogs);
        }
        if (who.isEmpty()) {
            return List.of();
        }
        String sql = SqlPaging.apply("SELECT id, account_id, reblog_of_id FROM statuses WHERE visibility <> 'direct'"
                + " AND (" + String.join(" OR ", who) + ")", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(LINE).list(), page);
    }

    private List<Status> page(String where, Map<String, Object> params, PageRequest page) {
        Map<String, Object> all = new HashMap<>(params);
        String sql = SqlPaging.apply("SELECT * FROM statuses WHERE " + where, page, all);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(all).query(Statuses::map).list(), page);
    }

    private <T> Map<Long, List<T>> grouped(String sql, Collection<Long> ids, Class<T> type) {
        Map<Long, List<T>> byStatus = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids).query(rs -> {
                byStatus.computeIfAbsent(rs.getLong("status_id"), k -> new ArrayList<>()).add(rs.getObject("v", type));
            });
        }
        return byStatus;
    }

    private static List<String> keys(List<Visibility> visibilities) {
        return visibilities.stream().map(Visibility::key).toList();
    }

    static final org.springframework.jdbc.core.RowMapper<Status> ROW = Statuses::map;

    private static Status map(ResultSet rs, int row) throws SQLException {
        return new Status(rs.getLong("id"), rs.getLong("account_id"), rs.getString("text"), rs.getString("content"),
                rs.getString("spoiler_text"), rs.getBoolean("sensitive"),
                Visibility.fromKey(rs.getString("visibility")).orElseThrow(), rs.getString("language"),
                rs.getObject("in_reply_to_id", Long.class), rs.getObject("in_reply_to_account_id", Long.class),
                rs.getObject("reblog_of_id", Long.class), rs.getObject("application_id", Long.class),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "edited_at"),
                ReplyPolicy.fromKey(rs.getString("reply_policy")).orElse(ReplyPolicy.EVERYONE),
                rs.getObject("quoted_status_id", Long.class),
                QuotePolicy.fromKey(rs.getString("quote_policy")).orElse(QuotePolicy.PUBLIC));
    }
}
