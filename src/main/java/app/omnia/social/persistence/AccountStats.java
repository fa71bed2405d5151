package app.omnia.social.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.identity.AccountCounts;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * Profile counters, changed by {@link Follows} and {@link Statuses} in the same transaction as the rows they
 * count, so that they are exact. Every page of statuses shows its authors' counters, so they are cached and
 * each change evicts its account (at once inside the transaction too, and on every copy after it); a page's
 * misses cost one indexed lookup for all of them.
 */
@Repository
public class AccountStats {

    private final JdbcClient jdbc;
    private final SharedCache<AccountCounts> cache;

    public AccountStats(JdbcClient jdbc, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.cache = caches.create("account-stats", settings.accounts());
    }

    void addFollow(long followerId, long targetId, int delta) {
        change(followerId, "following_count", delta);
        change(targetId, "followers_count", delta);
    }

    void addStatuses(long accountId, int delta) {
        change(accountId, "statuses_count", delta);
    }

    public Map<Long, AccountCounts> of(Collection<Long> accountIds) {
        return cache.getAll(accountIds, this::load);
    }

    /** An account without a row yet counts zero, and is cached so: its first counted change evicts it. */
    private Map<Long, AccountCounts> load(Collection<Long> accountIds) {
        Map<Long, AccountCounts> counts = new HashMap<>();
        accountIds.forEach(id -> counts.put(id, AccountCounts.NONE));
        jdbc.sql("SELECT * FROM account_stats WHERE account_id IN (:ids)").param("ids", accountIds)
                .query(rs -> {
                    counts.put(rs.getLong("account_id"), new AccountCounts(rs.getLong("followers_count"),
                            rs.getLong("following_count"), rs.getLong("statuses_count")));
                });
        return counts;
    }

    private void change(long accountId, String column, int delta) {
        String update = "UPDATE account_stats SET " + column + " = " + column + " + ? WHERE account_id = ?";
        if (jdbc.sql(update).params(delta, accountId).update() == 0) {
            // The row appears with the account's first counted change (an account with none counts zero).
            jdbc.sql("INSERT INTO account_stats (account_id) VALUES (?) ON CONFLICT DO NOTHING").param(accountId).update();
            jdbc.sql(update).params(delta, accountId).update();
        }
        cache.invalidateAtOnce(List.of(accountId));
    }
}
