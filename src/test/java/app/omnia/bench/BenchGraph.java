package app.omnia.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.postgresql.copy.CopyManager;

import app.omnia.platform.IdGenerator;

/**
 * A synthetic social graph written straight into PostgreSQL with COPY: accounts, a power-law follow graph
 * (a few accounts followed by nearly everyone, most by a handful), a posting history, and access tokens for
 * the accounts the benchmark acts as. Deterministic for a given seed.
 */
final class BenchGraph {

    /** Who the benchmark reads and posts as; tokens are {@code bench-<account id>}. */
    record Cast(long bigAuthor, long ordinaryAuthor, List<Long> readers, List<Long> posters) {}

    private final int accounts;
    private final int postsPerAccount;
    private final SplittableRandom random;

    BenchGraph(int accounts, int postsPerAccount, long seed) {
        this.accounts = accounts;
        this.postsPerAccount = postsPerAccount;
        this.random = new SplittableRandom(seed);
    }

    long id(int index) {
        return BenchAccounts.id(index);
    }

    /**
     * Writes everything and returns the cast. Account 0 is followed by every account (the "celebrity"),
     * accounts 2..201 are readers following 1,000 to 2,000 accounts each, the last account is an ordinary
     * author whom the readers follow (a few hundred followers: the popular end of the graph is low indexes),
     * and every account follows about 40 others chosen with a strong bias towards low indexes (popular
     * accounts), which gives follower counts a power-law shape.
     */
    Cast write(Connection connection) throws SQLException, IOException {
        BenchAccounts.writeAccounts(connection, accounts, List.of());
        CopyManager copy = BenchAccounts.copy(connection);
        Instant now = Instant.now();
        StringBuilder rows = new StringBuilder(1 << 20);

        String follows = "follows (id, account_id, target_account_id, created_at)";
        long followId = 1;
        List<Long> readers = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            java.util.Set<Integer> targets = new java.util.HashSet<>();
            if (i != 0) {
                targets.add(0);
            }
            boolean reader = i >= 2 && i < 202 && i < accounts;
            if (reader) {
                readers.add(id(i));
                targets.add(accounts - 1);
            }
            int wanted = reader ? 1_000 + random.nextInt(1_000) : 5 + (int) Math.min(2_000, -40 * Math.log(random.nextDouble()));
            wanted = Math.min(wanted, accounts - 1);
            while (targets.size() < wanted) {
                double u = random.nextDouble();
                int target = (int) (accounts * u * u * u);
                if (target != i) {
                    targets.add(target);
                }
            }
            for (int target : targets) {
                rows.append(followId++).append('\t').append(id(i)).append('\t').append(id(target)).append('\t')
                        .append(now).append('\n');
            }
            BenchAccounts.flushIfBig(copy, rows, follows);
        }
        BenchAccounts.flush(copy, rows, follows);

        String statuses = "statuses (id, account_id, text, content, visibility, created_at)";
        long start = now.minus(30, ChronoUnit.DAYS).toEpochMilli();
        long span = now.toEpochMilli() - start - 60_000;
        int sequence = 0;
        for (int i = 0; i < accounts; i++) {
            for (int p = 0; p < postsPerAccount; p++) {
                long at = start + (long) (random.nextDouble() * span);
                // Time-sorted like real ids; a running sequence in the low 16 bits keeps them unique.
                long statusId = IdGenerator.lowestIdAt(Instant.ofEpochMilli(at)) | (sequence++ & 0xFFFF);
                rows.append(statusId).append('\t').append(id(i)).append("\tbench post ").append(p)
                        .append("\t<p>bench post ").append(p).append("</p>\tpublic\t")
                        .append(Instant.ofEpochMilli(at)).append('\n');
            }
            BenchAccounts.flushIfBig(copy, rows, statuses);
        }
        BenchAccounts.flush(copy, rows, statuses);

        List<Long> posters = new ArrayList<>(readers);
        List<Long> withTokens = new ArrayList<>(readers);
        withTokens.add(id(0));
        withTokens.add(id(accounts - 1));
        BenchAccounts.writeTokens(connection, withTokens, "read write");
        try (var statement = connection.createStatement()) {
            // COPY bypassed the counters the server keeps on each change: compute them once, as a migration would.
            statement.execute("""
                    INSERT INTO account_stats (account_id, statuses_count, followers_count, following_count)
                    SELECT a.id, COALESCE(s.n, 0), COALESCE(fr.n, 0), COALESCE(fg.n, 0) FROM accounts a
                    LEFT JOIN (SELECT account_id AS id, COUNT(*) AS n FROM statuses GROUP BY account_id) s ON s.id = a.id
                    LEFT JOIN (SELECT target_account_id AS id, COUNT(*) AS n FROM follows GROUP BY target_account_id) fr
                        ON fr.id = a.id
                    LEFT JOIN (SELECT account_id AS id, COUNT(*) AS n FROM follows GROUP BY account_id) fg ON fg.id = a.id
                    ON CONFLICT (account_id) DO UPDATE SET statuses_count = EXCLUDED.statuses_count,
                        followers_count = EXCLUDED.followers_count, following_count = EXCLUDED.following_count
                    """);
            // Only the tables written here: an analysed empty table tells the planner it is truly empty, and the
            // server's connections keep sequential-scan plans for it as it grows (no autovacuum on this machine).
            statement.execute("ANALYZE accounts, oauth_access_tokens, follows, statuses, account_stats");
        }
        return new Cast(id(0), id(accounts - 1), readers, posters);
    }
}
