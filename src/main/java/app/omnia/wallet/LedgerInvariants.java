package app.omnia.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's invariants, checked from the database alone on one consistent snapshot (REPEATABLE READ), so
 * they can run while money moves: per asset, all balances (user and system) sum to zero; every entry
 * balances (its lines sum to zero, it has at least two, its amount is its credits, its lines are in its
 * asset); every balance equals the sum of its lines; no user balance is negative.
 */
@Service
public class LedgerInvariants {

    /** The check's result: each violation is one sentence naming the rows at fault (at most 20 per rule). */
    public record Report(boolean ok, Map<String, Long> balanceSumByAsset, long entries, long accounts,
                         List<String> violations) {}

    private static final int SAMPLE = 20;

    private final JdbcClient jdbc;

    LedgerInvariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        List<String> violations = new ArrayList<>();
        Map<String, Long> sums = new java.util.TreeMap<>();
        jdbc.sql("SELECT asset, SUM(balance) AS total FROM wallet_accounts GROUP BY asset")
                .query(rs -> {
                    sums.put(rs.getString("asset"), rs.getLong("total"));
                });
        sums.forEach((asset, total) -> {
            if (total != 0) {
                violations.add("Balances of " + asset + " sum to " + total + ", not 0");
            }
        });
        jdbc.sql("""
                SELECT e.id, COALESCE(SUM(l.amount), 0) AS total, COUNT(l.entry_id) AS line_count,
                       COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END), 0) AS credits, e.amount
                FROM wallet_entries e LEFT JOIN wallet_lines l ON l.entry_id = e.id
                GROUP BY e.id, e.amount
                HAVING COALESCE(SUM(l.amount), 0) <> 0 OR COUNT(l.entry_id) < 2
                    OR COALESCE(SUM(CASE WHEN l.amount > 0 THEN l.amount ELSE 0 END), 0) <> e.amount
                ORDER BY e.id LIMIT""" + " " + SAMPLE)
                .query(rs -> {
                    violations.add("Entry " + rs.getLong("id") + " does not balance: lines sum to " + rs.getLong("total")
                            + " over " + rs.getLong("line_count") + " lines, credits " + rs.getLong("credits")
                            + " for an amount of " + rs.getLong("amount"));
                });
        jdbc.sql("""
                SELECT l.entry_id, l.account_id FROM wallet_lines l
                JOIN wallet_entries e ON e.id = l.entry_id JOIN wallet_accounts a ON a.id = l.account_id
                WHERE a.asset <> e.asset ORDER BY l.entry_id LIMIT""" + " " + SAMPLE)
                .query(rs -> {
                    violations.add("Entry " + rs.getLong("entry_id") + " has a line on account "
                            + rs.getLong("account_id") + " of another asset");
                });
        jdbc.sql("""
                SELECT a.id, a.balance, COALESCE(SUM(l.amount), 0) AS total
                FROM wallet_accounts a LEFT JOIN wallet_lines l ON l.account_id = a.id
                GROUP BY a.id, a.balance HAVING a.balance <> COALESCE(SUM(l.amount), 0)
                ORDER BY a.id LIMIT""" + " " + SAMPLE)
                .query(rs -> {
                    violations.add("Account " + rs.getLong("id") + " has a balance of " + rs.getLong("balance")
                            + " but its lines sum to " + rs.getLong("total"));
                });
        jdbc.sql("SELECT id, balance FROM wallet_accounts WHERE owner_id IS NOT NULL AND balance < 0 ORDER BY id LIMIT "
                        + SAMPLE)
                .query(rs -> {
                    violations.add("User account " + rs.getLong("id") + " is negative: " + rs.getLong("balance"));
                });
        long entries = jdbc.sql("SELECT COUNT(*) FROM wallet_entries").query(Long.class).single();
        long accounts = jdbc.sql("SELECT COUNT(*) FROM wallet_accounts").query(Long.class).single();
        return new Report(violations.isEmpty(), sums, entries, accounts, List.copyOf(violations));
    }
}
