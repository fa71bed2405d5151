package app.omnia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The wallet benchmark (issue 6). Not part of the test suite: run with the {@code bench} profile, see the
 * README. In one run, on the same PostgreSQL server with {@code synchronous_commit=on}: pgbench's built-in
 * TPC-B-like script with C clients for D seconds (the baseline), then Omnia as its own process, K funded
 * people, and C HTTP clients sending P2P transfers for D seconds, first between random people, then with a
 * share of them paying one merchant account (a hot row). After them, the HTTP ceiling: the same clients, as
 * the same people, reading their balances (the cheapest authenticated wallet request, no write). It prints
 * requests or transfers/s, p50/p99, failures by kind, CPU per request, the ratios to pgbench and to the
 * ceiling, where the CPU went and the ledger writer's batch sizes, and checks the ledger's invariants at the
 * end (the run fails if they do not hold).
 */
class WalletBench {

    private static final int PEOPLE = Integer.getInteger("bench.wallet.accounts", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.wallet.concurrency", 64);
    private static final int SECONDS = Integer.getInteger("bench.wallet.seconds", 20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.wallet.warm-up-seconds", 30);
    private static final int CEILING_SECONDS = Integer.getInteger("bench.wallet.ceiling-seconds", 10);
    private static final double HOT_SHARE = Double.parseDouble(System.getProperty("bench.wallet.hot-share", "0.3"));
    private static final String PGBENCH = System.getProperty("bench.pgbench", "/usr/bin/pgbench");
    private static final String PGBENCH_DATABASE = System.getProperty("bench.pgbench.database", "omnia_pgbench");
    private static final int PGBENCH_SCALE = Integer.getInteger("bench.pgbench.scale", CONCURRENCY);
    private static final long FUNDING = 100_000_000; // a million euros each: nobody runs dry in a long run

    private final BenchReport report = new BenchReport("wallet.txt");

    @Test
    void transfers() throws Exception {
        report.line("settings", "%d people, %d concurrent clients (HTTP and pgbench), %d s per phase after %d s of "
                + "warm-up, hot share %.0f%%", PEOPLE, CONCURRENCY, SECONDS, WARM_UP_SECONDS, HOT_SHARE * 100);
        report.line("machine", "%d cores, load average %s before the run (other work shares the machine)",
                Runtime.getRuntime().availableProcessors(), CpuMeter.loadAverage());
        PgBench pgbench = new PgBench(PGBENCH, WalletBenchSetup.PG, PGBENCH_DATABASE);
        pgbench.initialise(PGBENCH_SCALE);
        PgBench.Result baseline = pgbench.run(CONCURRENCY, SECONDS);
        report.line("pgbench TPC-B (built-in tpcb-like)", "%.0f transactions/s, average latency %.1f ms (%d clients, "
                + "scale %d, %d s, synchronous_commit=%s)", baseline.tps(), baseline.averageLatencyMillis(), CONCURRENCY,
                PGBENCH_SCALE, SECONDS, baseline.synchronousCommit());
        report.write();

        WalletBenchSetup setup = new WalletBenchSetup(PEOPLE, FUNDING);
        setup.resetStores();
        try (ServerProcess server = setup.server(Path.of("target", "bench", "wallet-server.log"), Map.of());
             StandInAutovacuum autovacuum = new StandInAutovacuum(WalletBenchSetup.PG + WalletBenchSetup.DATABASE,
                     WalletBenchSetup.VACUUM, WalletBenchSetup.VACUUM_EVERY)) {
            server.start();
            setup.writePeople();
            report.line("server", "pid %d on port %d; %s", server.pid(), server.port(), synchronousCommit());
            WalletClient wallet = new WalletClient(server.port(), WalletBenchSetup.ASSET, setup.admin());
            long funded = System.nanoTime();
            long issued = setup.fundPeople(wallet, CONCURRENCY);
            report.line("funding", "%d people credited %d minor units each (%s) in %.1f s", PEOPLE, FUNDING,
                    "api".equals(WalletBenchSetup.FUNDING_PATH) ? "through the admin endpoint" : "written with COPY",
                    (System.nanoTime() - funded) / 1e9);

            new TransferLoad(wallet, CONCURRENCY, false)
                    .runFor(setup.randomPairs("warm-"), 1, Duration.ofSeconds(WARM_UP_SECONDS));
            TransferLoad.Result random = phase("transfers, random people", "transfer", server,
                    new TransferLoad(wallet, CONCURRENCY, false), setup.randomPairs("random-"), 2, SECONDS);
            TransferLoad.Result hot = phase(String.format("transfers, %.0f%% paying one merchant", HOT_SHARE * 100),
                    "transfer", server, new TransferLoad(wallet, CONCURRENCY, false),
                    setup.hotMerchant("hot-", HOT_SHARE), 3, SECONDS);
            // Last, so that it runs as warm as the transfers did: compiled code, every person's token cached.
            TransferLoad.Result ceiling = phase("HTTP ceiling, balance reads", "request", server,
                    TransferLoad.balanceReads(wallet, CONCURRENCY), setup.randomPairs("read-"), 4, CEILING_SECONDS);

            for (var run : Map.of("random people", random, "hot merchant", hot).entrySet()) {
                double ratio = run.getValue().perSecond() / baseline.tps();
                report.line("ratio to pgbench, " + run.getKey(), "x%.2f (%.0f transfers/s / %.0f pgbench tps); target "
                        + "x10 and 20,000 transfers/s: %s", ratio, run.getValue().perSecond(), baseline.tps(),
                        ratio >= 10 && run.getValue().perSecond() >= 20_000 ? "met" : "NOT met");
                report.line("ratio to the HTTP ceiling, " + run.getKey(), "x%.2f (%.0f transfers/s / %.0f balance "
                        + "reads/s)", run.getValue().perSecond() / ceiling.perSecond(), run.getValue().perSecond(),
                        ceiling.perSecond());
            }
            checkLedger(wallet, issued);
        } finally {
            report.write();
            System.out.println("bench: report written to " + report.file());
        }
    }

    /** Runs the load for {@code seconds} and prints what it got, and the CPU per {@code what} it sent. */
    private TransferLoad.Result phase(String name, String what, ServerProcess server, TransferLoad load,
            TransferLoad.Mix mix, long seed, int seconds) throws InterruptedException {
        Prometheus prometheus = new Prometheus(server.port());
        Map<String, Double> before = prometheus.samples("wallet");
        CpuMeter cpu = CpuMeter.start(server.pid());
        CpuClock clock = new CpuClock(server.pid(), WalletBenchSetup.DATABASE);
        CpuClock.Reading started = clock.read();
        TransferLoad.Result result = load.runFor(mix, seed, Duration.ofSeconds(seconds));
        String cpuSummary = cpu.summary();
        String perRequest = clock.read().since(started, result.latenciesNanos().length, what);
        report.line(name, result.summary());
        report.line(name + ", CPU", cpuSummary);
        report.line(name + ", CPU per " + what, perRequest);
        report.line(name + ", server meters", Prometheus.means(before, prometheus.samples("wallet")));
        return result;
    }

    /** The server's invariant check, and the same sums read from the ledger here: both must agree. */
    private void checkLedger(WalletClient wallet, long issued) throws Exception {
        JsonNode invariants = wallet.invariants();
        long[] totals;
        try (Connection connection = WalletBenchSetup.database()) {
            totals = WalletBenchSetup.totals(connection);
        }
        report.line("invariants", "%s; user balances sum to %d (issued %d), all accounts to %d", invariants,
                totals[0], issued, totals[1]);
        assertThat(invariants.path("ok").asBoolean(false)).as("the server's invariant check").isTrue();
        assertThat(totals[0]).as("money in user accounts = money issued").isEqualTo(issued);
        assertThat(totals[1]).as("the ledger balances (issuance is minus the money issued)").isZero();
    }

    /** What PostgreSQL says for the benchmark's database, and any per-database or per-role override. */
    private static String synchronousCommit() throws Exception {
        try (Connection connection = WalletBenchSetup.database(); var statement = connection.createStatement()) {
            var show = statement.executeQuery("SHOW synchronous_commit");
            show.next();
            String value = show.getString(1);
            // A setting for this database or for every database (setdatabase 0), for any role.
            var overrides = statement.executeQuery("SELECT count(*) FROM pg_db_role_setting WHERE setdatabase IN (0, "
                    + "(SELECT oid FROM pg_database WHERE datname = current_database())) "
                    + "AND array_to_string(setconfig, ',') LIKE '%synchronous_commit%'");
            overrides.next();
            return "synchronous_commit=" + value + (overrides.getLong(1) == 0 ? " (no per-database or per-role override)"
                    : " (OVERRIDDEN per database or role)");
        }
    }
}
