package app.omnia.social.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Who follows whom. Following twice is a no-op. */
@Repository
public class Follows {

    public record Follow(long id, long accountId, long targetAccountId) {}

    /** The answer of {@link #optionsAmong} for one set of targets. */
    private record Remembered(Set<Long> targets, Map<Long, Options> options) {}

    private final JdbcClient jdbc;
    private final AccountStats stats;
    /** Per follower; every follow, unfollow and change of options by the follower evicts it (nothing else writes). */
    private final SharedCache<Remembered> remembered;

    public Follows(JdbcClient jdbc, AccountStats stats, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.stats = stats;
        this.remembered = caches.create("follow-options", settings.accounts());
    }

    /** Whether the follower sees the account's reblogs at home, and is notified of its new posts. */
    public record Options(boolean showReblogs, boolean notifyOnPosts) {
        public static final Options DEFAULT = new Options(true, false);
    }

    public boolean add(long id, long accountId, long targetId, Instant at, Options options) {
        boolean added = jdbc.sql("""
                INSERT INTO follows (id, account_id, target_account_id, created_at, show_reblogs, notify)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(id, accountId, targetId, SqlTime.of(at), options.showReblogs(), options.notifyOnPosts())
                .update() > 0;
        if (added) {
            stats.addFollow(accountId, targetId, 1);
        }
        remembered.invalidateAtOnce(List.of(accountId));
        return added;
    }

    public void setOptions(long accountId, long targetId, Options options) {
        jdbc.sql("UPDATE follows SET show_reblogs = ?, notify = ? WHERE account_id = ? AND target_account_id = ?")
                .params(options.showReblogs(), options.notifyOnPosts(), accountId, targetId).update();
        remembered.invalidateAtOnce(List.of(accountId));
    }

    /** The options of the viewer's follows of these targets (absent: not followed). */
    public Map<Long, Options> options(long accountId, Collection<Long> targets) {
        Map<Long, Options> found = new HashMap<>();
        if (!targets.isEmpty()) {
            jdbc.sql("SELECT target_account_id, show_reblogs, notify FROM follows WHERE account_id = :a "
                    + "AND target_account_id IN (:t)").param("a", accountId).param("t", targets)
                    .query(rs -> {
                        found.put(rs.getLong("target_account_id"),
                                new Options(rs.getBoolean("show_reblogs"), rs.getBoolean("notify")));
                    });
        }
        return found;
    }

    /**
     * {@link #options} for a set of targets asked on every page (the big accounts merged into home at read time):
     * the answer is remembered per follower for the last set asked, until the follower's follows change.
     */
    public Map<Long, Options> optionsAmong(long accountId, Set<Long> targets) {
        Remembered known = remembered.getIfPresent(accountId);
        if (known != null && known.targets().equals(targets)) {
            return known.options();
        }
        long stamp = remembered.stamp();
        Map<Long, Options> options = Map.copyOf(options(accountId, targets));
        remembered.put(accountId, new Remembered(Set.copyOf(targets), options), stamp);
        return options;
    }

    /** The followers who asked to be notified of the account's new posts ("ring the bell"). */
    public List<Long> notifiedFollowers(long targetId) {
        return jdbc.sql("SELECT account_id FROM follows WHERE target_account_id = ? AND notify = TRUE")
                .param(targetId).query(Long.class).list();
    }

    /** Which of {@code accounts} follow the target and see its reblogs at home. */
    public Set<Long> followersShowingReblogs(long targetId, Collection<Long> accounts) {
        return accounts.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT account_id FROM follows WHERE target_account_id = :t AND show_reblogs = TRUE AND account_id IN (:a)")
                .param("t", targetId).param("a", accounts).query(Long.class).list());
    }

    /** The followers who see the account's reblogs at home. */
    public List<Long> followersShowingReblogs(long targetId) {
        return jdbc.sql("SELECT account_id FROM follows WHERE target_account_id = ? AND show_reblogs = TRUE")
                .param(targetId).query(Long.class).list();
    }

    public boolean remove(long accountId, long targetId) {
        boolean removed = jdbc.sql("DELETE FROM follows WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
        if (removed) {
            stats.addFollow(accountId, targetId, -1);
        }
        remembered.invalidateAtOnce(List.of(accountId));
        return removed;
    }

    public boolean follows(long accountId, long targetId) {
        return jdbc.sql("SELECT COUNT(*) FROM follows WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).query(Long.class).single() > 0;
    }

    /** Which of {@code targets} the account follows. */
    public Set<Long> followed(long accountId, Collection<Long> targets) {
        return targets.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT target_account_id FROM follows WHERE account_id = :a AND target_account_id IN (:t)")
                .param("a", accountId).param("t", targets).query(Long.class).list());
    }

    /** Every follower of the account: the home timelines a new status of theirs reaches. */
    /** One follow: who follows whom, and whether they see the target's reblogs. */
    public record Edge(long accountId, long targetId, boolean showReblogs) {}

    /** Every follow of these targets (fan-out's followers of a batch of authors). */
    public List<Edge> followersOfAll(Collection<Long> targetIds) {
        return edges("target_account_id", targetIds);
    }

    /** Every follow these accounts made. */
    public List<Edge> followsOfAll(Collection<Long> accountIds) {
        return edges("account_id", accountIds);
    }

    private List<Edge> edges(String column, Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT account_id, target_account_id, show_reblogs FROM follows WHERE "
                        + column + " IN (:ids)").param("ids", ids)
                .query((rs, n) -> new Edge(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).list();
    }

    public List<Long> allFollowers(long targetId) {
        return jdbc.sql("SELECT account_id FROM follows WHERE target_account_id = ?").param(targetId)
                .query(Long.class).list();
    }

    /** Which of {@code accounts} follow the target. */
    public Set<Long> followers(long targetId, Collection<Long> accounts) {
        return accounts.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT account_id FROM follows WHERE target_account_id = :t AND account_id IN (:a)")
                .param("t", targetId).param("a", accounts).query(Long.class).list());
    }

    /** The accounts followed by more than {@code threshold} accounts (read from the kept counters). */
    public Set<Long> withMoreFollowersThan(long threshold) {
        return new HashSet<>(jdbc.sql("SELECT account_id FROM account_stats WHERE followers_count > ?")
                .param(threshold).query(Long.class).list());
    }


    /** The followers of an account, newest follow first, paged by the follow's id. */
    public List<Follow> followersOf(long accountId, PageRequest page) {
        return page("target_account_id = :a", accountId, page);
    }

    public List<Follow> followingOf(long accountId, PageRequest page) {
        return page("account_id = :a", accountId, page);
    }

    private List<Follow> page(String where, long accountId, PageRequest page) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("a", accountId);
        String sql = SqlPaging.apply("SELECT id, account_id, target_account_id FROM follows WHERE " + where, page,
                params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query((rs, i) ->
                new Follow(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"))).list(), page);
    }
}
