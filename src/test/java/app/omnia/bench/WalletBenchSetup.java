package app.omnia.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What both wallet benchmarks start from: a fresh database and Redis database, Omnia running as its own process
 * on them with rate limits off, and people with tokens: an admin, a merchant (the hot account) and
 * {@code people} ordinary accounts, each funded through the admin adjustment endpoint or with COPY in exactly
 * the shape the endpoint writes (issuance account, adjustment entries and their lines), so that the invariants
 * hold either way.
 */
final class WalletBenchSetup {

    static final String PG = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DATABASE = System.getProperty("bench.wallet.database", "omnia_wbench");
    /**
     * Every transfer leaves dead rows (its Idempotency-Key is inserted then given its response; two balances are
     * updated) that autovacuum would clean on a production server; this machine's PostgreSQL runs without it.
     */
    static final String VACUUM = "VACUUM (ANALYZE) idempotency_keys, wallet_accounts, wallet_entries, wallet_lines";
    static final Duration VACUUM_EVERY = Duration.ofSeconds(Integer.getInteger("bench.wallet.vacuum-seconds", 20));
    static final String REDIS = System.getProperty("bench.wallet.redis", "redis://127.0.0.1:6379/13");
    static final String ASSET = System.getProperty("bench.wallet.asset", "EUR");
    /** {@code sql}: funding written with COPY ({@link #fundBySql}); {@code api}: through the admin endpoint. */
    static final String FUNDING_PATH = System.getProperty("bench.wallet.funding", "sql");

    static final int ADMIN = 0;
    static final int MERCHANT = 1;
    private static final int FIRST_PERSON = 2;

    private final int people;
    private final long funding;

    WalletBenchSetup(int people, long funding) {
        this.people = people;
        this.funding = funding;
    }

    long admin() {
        return BenchAccounts.id(ADMIN);
    }

    long merchant() {
        return BenchAccounts.id(MERCHANT);
    }

    /** The ordinary people's account ids. */
    long[] people() {
        long[] ids = new long[people];
        for (int i = 0; i < people; i++) {
            ids[i] = BenchAccounts.id(FIRST_PERSON + i);
        }
        return ids;
    }

    /** The server as a process on a fixed free port; not started yet. */
    ServerProcess server(Path log, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("omnia.database.url", PG + DATABASE);
        settings.put("omnia.database.username", "postgres");
        settings.put("omnia.database.password", "");
        settings.put("omnia.redis.url", REDIS);
        settings.put("omnia.rate-limits.enabled", "false");
        settings.put("omnia.data-dir", "target/bench/wallet-data");
        settings.put("omnia.secret-key", "bench-only-secret-key");
        settings.put("omnia.wallet.assets", ASSET);
        settings.put("omnia.wallet.default-asset", ASSET);
        settings.put("logging.level.root", "warn");
        settings.putAll(extra);
        return new ServerProcess(ServerProcess.freePort(), settings, log);
    }

    /** Drops and recreates the database and empties the Redis database. */
    void resetStores() throws Exception {
        try (Connection admin = DriverManager.getConnection(PG + "postgres", "postgres", "");
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        URI uri = URI.create(REDIS);
        String db = uri.getPath().length() > 1 ? uri.getPath().substring(1) : "0";
        new ProcessBuilder("redis-cli", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort() < 0 ? 6379 : uri.getPort()), "-n", db, "flushdb")
                .inheritIO().start().waitFor();
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(PG + DATABASE, "postgres", "");
    }

    /** Writes the people and their tokens (after the server's first start made the schema). */
    void writePeople() throws Exception {
        try (Connection connection = database()) {
            BenchAccounts.writeAccounts(connection, FIRST_PERSON + people, List.of(ADMIN));
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < FIRST_PERSON + people; i++) {
                all.add(BenchAccounts.id(i));
            }
            BenchAccounts.writeTokens(connection, all, "read write admin:read admin:write");
            analyze(connection, "accounts, oauth_access_tokens");
        }
    }

    /**
     * Analyses the tables just written, and only those: an analysed empty table (Idempotency-Keys, spending
     * totals...) tells the planner it is truly empty, and the server's connections then keep sequential-scan
     * plans for it (each lookup reading the whole table as it grows), since this machine's PostgreSQL runs without
     * autovacuum; a table never analysed gets the planner's defaults, and index scans.
     */
    private static void analyze(Connection connection, String tables) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute("ANALYZE " + tables);
        }
    }

    /** Funds the people the chosen way ({@link #FUNDING_PATH}); returns the total issued. */
    long fundPeople(WalletClient wallet, int concurrency) throws Exception {
        return "api".equals(FUNDING_PATH) ? fund(wallet, concurrency) : fundBySql();
    }

    /**
     * Credits every person with {@code funding} (and the merchant with nothing: it only receives) through the
     * admin endpoint, from {@code concurrency} clients; returns the total issued. Any refusal stops the run.
     */
    long fund(WalletClient wallet, int concurrency) throws InterruptedException {
        long[] ids = people();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (KeepAliveHttp connection = wallet.connect()) {
                    for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                        WalletClient.Answer answer = wallet.credit(connection, ids[i], funding, "fund-" + ids[i]);
                        if (answer.unanswered()) { // same key: credited once
                            answer = wallet.credit(connection, ids[i], funding, "fund-" + ids[i]);
                        }
                        if (!answer.acknowledged()) {
                            refusals.add(ids[i] + ": " + answer.failure());
                        }
                    }
                } catch (IOException closing) {
                    // Every credit has its answer already.
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(refusals.size() + " credits refused, e.g. " + refusals.peek());
        }
        return funding * ids.length;
    }

    /**
     * Funds every person with {@code funding} by writing what the admin adjustment endpoint would write, with
     * COPY: the issuance system account, one wallet account per person, one {@code adjustment} entry per person
     * with its two lines (issuance debited, the person credited) and the balances they make, so that the ledger's
     * invariants hold. Ids are small numbers, far below the server's time-based ids. Returns the total issued.
     * Much faster than {@link #fund} for big populations; the endpoint path is the default for small ones.
     */
    long fundBySql() throws Exception {
        long[] ids = people();
        long issued = funding * ids.length;
        try (Connection connection = database()) {
            var copy = BenchAccounts.copy(connection);
            String now = java.time.Instant.now().toString();
            long issuance = 1;
            StringBuilder rows = new StringBuilder(1 << 20);
            rows.append(issuance).append("\t\\N\tissuance\t").append(ASSET).append('\t').append(-issued).append('\t')
                    .append(now).append('\n');
            rows.append(2).append('\t').append(merchant()).append("\t\\N\t").append(ASSET).append("\t0\t").append(now)
                    .append('\n');
            for (int i = 0; i < ids.length; i++) {
                rows.append(10 + i).append('\t').append(ids[i]).append("\t\\N\t").append(ASSET).append('\t')
                        .append(funding).append('\t').append(now).append('\n');
            }
            BenchAccounts.flush(copy, rows, "wallet_accounts (id, owner_id, system_name, asset, balance, created_at)");
            for (int i = 0; i < ids.length; i++) {
                rows.append(10 + i).append("\tadjustment\t").append(ASSET).append('\t').append(funding).append("\t\\N\t")
                        .append(ids[i]).append('\t').append(admin()).append("\tbenchmark funding\t").append(now)
                        .append('\n');
            }
            BenchAccounts.flush(copy, rows, "wallet_entries (id, kind, asset, amount, payer_id, payee_id, initiator_id, "
                    + "note, created_at)");
            for (int i = 0; i < ids.length; i++) {
                rows.append(10 + i).append("\t0\t").append(issuance).append('\t').append(-funding).append('\n');
                rows.append(10 + i).append("\t1\t").append(10 + i).append('\t').append(funding).append('\n');
            }
            BenchAccounts.flush(copy, rows, "wallet_lines (entry_id, line_no, account_id, amount)");
            analyze(connection, "wallet_accounts, wallet_entries, wallet_lines");
        }
        return issued;
    }

    /** Random payer and payee among the people (never the same), amounts from 1 to 500 minor units. */
    TransferLoad.Mix randomPairs(String prefix) {
        long[] ids = people();
        return (random, sequence) -> {
            int payer = random.nextInt(ids.length);
            int payee = random.nextInt(ids.length - 1);
            return new TransferLoad.Transfer(prefix + Long.toHexString(sequence), ids[payer],
                    ids[payee >= payer ? payee + 1 : payee], 1 + random.nextInt(500));
        };
    }

    /** Like {@link #randomPairs}, but a share of transfers (0..1) pay the one merchant account. */
    TransferLoad.Mix hotMerchant(String prefix, double share) {
        TransferLoad.Mix pairs = randomPairs(prefix);
        long merchant = merchant();
        return (random, sequence) -> {
            TransferLoad.Transfer transfer = pairs.next(random, sequence);
            return random.nextDouble() < share
                    ? new TransferLoad.Transfer(transfer.key(), transfer.payer(), merchant, transfer.amount())
                    : transfer;
        };
    }

    /** Balances of every user account in the asset, by owner, read from the ledger's accounts. */
    static Map<Long, Long> balances(Connection connection) throws SQLException {
        Map<Long, Long> balances = new LinkedHashMap<>();
        try (var statement = connection.prepareStatement(
                "SELECT owner_id, balance FROM wallet_accounts WHERE owner_id IS NOT NULL AND asset = ?")) {
            statement.setString(1, ASSET);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    balances.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return balances;
    }

    /** Money in user accounts and in all accounts (system ones included) for the asset. */
    static long[] totals(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT COALESCE(SUM(CASE WHEN owner_id IS NOT NULL "
                + "THEN balance ELSE 0 END), 0), COALESCE(SUM(balance), 0) FROM wallet_accounts WHERE asset = ?")) {
            statement.setString(1, ASSET);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }
}
