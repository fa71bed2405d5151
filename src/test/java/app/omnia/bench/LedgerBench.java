package app.omnia.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.omnia.Application;
import app.omnia.wallet.LedgerInvariants;
import app.omnia.wallet.TransferService;
import app.omnia.wallet.WalletReply;

/**
 * The ledger alone, without HTTP: the wallet's transfer service called in the server's own JVM by C virtual
 * threads (each one transfer at a time, a fresh Idempotency-Key each, as the HTTP clients of {@link WalletBench}
 * send them), on PostgreSQL with {@code synchronous_commit=on}, against pgbench TPC-B on the same server in the
 * same run. What the HTTP benchmark adds on top of this (request parsing, the security filters, the token, the
 * JSON, the load generator on the same two cores) is the difference between the two. README, "Benchmarks".
 */
class LedgerBench {

    private static final int PEOPLE = Integer.getInteger("bench.ledger.accounts", 10_000);
    private static final List<Integer> CONCURRENCIES = List.of(
            Integer.getInteger("bench.ledger.concurrency", 64), Integer.getInteger("bench.ledger.high-concurrency", 512));
    private static final int SECONDS = Integer.getInteger("bench.ledger.seconds", 15);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.ledger.warm-up-seconds", 5);
    private static final long FUNDING = 100_000_000;

    private final BenchReport report = new BenchReport("ledger.txt");

    @Test
    void ledgerAlone() throws Exception {
        PgBench pgbench = new PgBench(System.getProperty("bench.pgbench", "/usr/bin/pgbench"), WalletBenchSetup.PG,
                System.getProperty("bench.pgbench.database", "omnia_pgbench"));
        pgbench.initialise(CONCURRENCIES.getFirst());
        PgBench.Result baseline = pgbench.run(CONCURRENCIES.getFirst(), SECONDS);
        report.line("pgbench TPC-B (built-in tpcb-like)", "%.0f transactions/s, average latency %.1f ms (%d clients, "
                + "synchronous_commit=%s)", baseline.tps(), baseline.averageLatencyMillis(), CONCURRENCIES.getFirst(),
                baseline.synchronousCommit());

        WalletBenchSetup setup = new WalletBenchSetup(PEOPLE, FUNDING);
        setup.resetStores();
        start().close(); // Flyway makes the schema; the people are written under it
        setup.writePeople();
        long issued = setup.fundBySql();
        try (ConfigurableApplicationContext server = start();
             StandInAutovacuum autovacuum = new StandInAutovacuum(WalletBenchSetup.PG + WalletBenchSetup.DATABASE,
                     WalletBenchSetup.VACUUM, WalletBenchSetup.VACUUM_EVERY)) {
            TransferService transfers = server.getBean(TransferService.class);
            long[] people = setup.people();
            run(transfers, people, "warm-", CONCURRENCIES.getFirst(), WARM_UP_SECONDS);
            for (int clients : CONCURRENCIES) {
                Phase phase = run(transfers, people, "c" + clients + "-", clients, SECONDS);
                report.line("ledger alone, " + clients + " clients", phase.summary());
                report.line("ratio to pgbench, " + clients + " clients", "x%.2f (%.0f transfers/s / %.0f pgbench tps)",
                        phase.perSecond() / baseline.tps(), phase.perSecond(), baseline.tps());
            }
            LedgerInvariants.Report invariants = server.getBean(LedgerInvariants.class).check();
            long[] totals = WalletBenchSetup.totals(WalletBenchSetup.database());
            report.line("invariants", "%s; user balances sum to %d (issued %d)",
                    invariants.ok() ? "hold" : "BROKEN: " + invariants.violations(), totals[0], issued);
        }
        report.write();
    }

    private static ConfigurableApplicationContext start() {
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "omnia.database.url", WalletBenchSetup.PG + WalletBenchSetup.DATABASE,
                "omnia.database.username", "postgres",
                "omnia.database.password", "",
                "omnia.redis.url", WalletBenchSetup.REDIS,
                "omnia.rate-limits.enabled", "false",
                "omnia.data-dir", "target/bench/ledger-data",
                "omnia.wallet.assets", WalletBenchSetup.ASSET,
                "omnia.wallet.default-asset", WalletBenchSetup.ASSET,
                "logging.level.root", "warn");
        return new SpringApplicationBuilder(Application.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** Random payer and payee (never the same), 0.01 to 5.00, each client one transfer at a time until the end. */
    private static Phase run(TransferService transfers, long[] people, String keyPrefix, int clients, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CpuClock cpu = new CpuClock(ProcessHandle.current().pid(), WalletBenchSetup.DATABASE);
        CpuClock.Reading before = cpu.read();
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int payer = random.nextInt(people.length);
                    int payee = random.nextInt(people.length - 1);
                    long cents = 1 + random.nextInt(500);
                    var input = new TransferService.TransferInput(
                            String.valueOf(people[payee >= payer ? payee + 1 : payee]),
                            cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100, WalletBenchSetup.ASSET, null);
                    long at = System.nanoTime();
                    WalletReply reply = transfers.transfer(people[payer], input,
                            keyPrefix + Long.toHexString(sequence.incrementAndGet()), "/bench");
                    latencies.add(System.nanoTime() - at);
                    if (reply.status() != 200) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) { // each client stops at the end of the window
            thread.join();
        }
        long elapsed = System.nanoTime() - started;
        CpuClock.Reading after = cpu.read();
        return new Phase(new ArrayList<>(latencies), elapsed, refused.get(), before, after);
    }

    private record Phase(List<Long> latenciesNanos, long elapsedNanos, long refused, CpuClock.Reading before,
                         CpuClock.Reading after) {

        double perSecond() {
            return latenciesNanos.size() / (elapsedNanos / 1e9);
        }

        String summary() {
            List<Long> sorted = latenciesNanos.stream().sorted().toList();
            int n = Math.max(1, sorted.size());
            return String.format("%.0f transfers/s, p50 %.1f ms, p99 %.1f ms (%d transfers, %d refused); CPU per "
                            + "transfer: this JVM %.3f ms, PostgreSQL %.3f ms; load average %s -> %s", perSecond(),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6,
                    sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6,
                    sorted.size(), refused, (after.server() - before.server()) * 1e3 / n,
                    (after.database() - before.database()) * 1e3 / n, before.loadAverage(), after.loadAverage());
        }
    }
}
