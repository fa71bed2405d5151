package app.omnia.social.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.identity.AccountCounts;

/**
 * Profile counters, changed by {@link Follows} and {@link Statuses} in the same transaction as the rows they
 * count, so that they are exact and reading them costs one indexed lookup for a whole page of accounts.
 */
@Repository
public class AccountStats {

    private final JdbcClient jdbc;

    public AccountStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addFollow(long followerId, long targetId, int delta) {
        change(followerId, "following_count", delta);
        change(targetId, "followers_count", delta);
    }

    void addStatuses(long accountId, int delta) {
        change(accountId, "statuses_count", delta);
    }

    public Map<Long, AccountCounts> of(Collection<Long> accountIds) {
        Map<Long, AccountCounts> counts = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT * FROM account_stats WHERE account_id IN (:ids)").param("ids", accountIds)
                    .query(rs -> {
                        counts.put(rs.getLong("account_id"), new AccountCounts(rs.getLong("followers_count"),
                                rs.getLong("following_count"), rs.getLong("statuses_count")));
                    });
        }
        return counts;
    }

    private void change(long accountId, String column, int delta) {
        String update = "UPDATE account_stats SET " + column + " = " + column + " + ? WHERE account_id = ?";
        if (jdbc.sql(update).params(delta, accountId).update() == 0) {
            // The row appears with the account's first counted change (an account with none counts zero).
            jdbc.sql("INSERT INTO account_stats (account_id) VALUES (?) ON CONFLICT DO NOTHING").param(accountId).update();
            jdbc.sql(update).params(delta, accountId).update();
        }
    }
}
