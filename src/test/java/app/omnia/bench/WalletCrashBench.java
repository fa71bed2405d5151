package app.omnia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The wallet's crash test (issue 6). Not part of the test suite: run with the {@code bench} profile, see the
 * README. Omnia runs as its own process; C clients send transfers, each remembering what was acknowledged
 * (transfer id, Idempotency-Key, amount) and what got no answer; mid-load the process is killed with SIGKILL
 * (no shutdown hook, no graceful drain), the ledger is checked on disk with the invariant command, the server
 * is started again, and every unanswered request is retried with its key, as a client would. Then: the
 * invariants hold, every acknowledged transfer is in the journal exactly once, retried keys (and a replay of
 * acknowledged ones) did not pay twice, and every balance is what funding plus the transfers make it. It prints
 * "0 cents lost, 0 created" or the difference, and fails on any violation.
 */
class WalletCrashBench {

    private static final int PEOPLE = Integer.getInteger("bench.wallet.accounts", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.wallet.concurrency", 64);
    private static final int KILL_AFTER_TRANSFERS = Integer.getInteger("bench.wallet.kill-after-transfers", 2000);
    private static final int REPLAYS = Integer.getInteger("bench.wallet.replays", 2_000);
    private static final double HOT_SHARE = Double.parseDouble(System.getProperty("bench.wallet.hot-share", "0.3"));
    private static final long FUNDING = 100_000_000;
    private static final int RETRY_ROUNDS = 5;

    private final BenchReport report = new BenchReport("wallet-crash.txt");

    @Test
    void killedMidLoad() throws Exception {
        WalletBenchSetup setup = new WalletBenchSetup(PEOPLE, FUNDING);
        report.line("settings", "%d people, %d concurrent clients, SIGKILL after %d acknowledged transfers, hot share %.0f%%; "
                + "machine: %d cores, load average %s", PEOPLE, CONCURRENCY, KILL_AFTER_TRANSFERS, HOT_SHARE * 100,
                Runtime.getRuntime().availableProcessors(), CpuMeter.loadAverage());
        setup.resetStores();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        try (ServerProcess server = setup.server(Path.of("target", "bench", "wallet-crash-server.log"), Map.of())) {
            server.start();
            setup.writePeople();
            WalletClient wallet = new WalletClient(server.port(), WalletBenchSetup.ASSET, setup.admin());
            long issued = setup.fundPeople(wallet, CONCURRENCY);
            Map<Long, Long> opening = new HashMap<>();
            for (long person : setup.people()) {
                opening.put(person, FUNDING);
            }
            opening.put(setup.merchant(), 0L);

            TransferLoad load = new TransferLoad(wallet, CONCURRENCY, true)
                    .start(setup.hotMerchant("crash-", HOT_SHARE), 7);
            // The kill lands mid-load, once this many transfers are acknowledged (others are still in flight).
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> load.acknowledgedSoFar() >= KILL_AFTER_TRANSFERS);
            long pid = server.pid();
            long acknowledgedBefore = load.acknowledgedSoFar();
            int exit = server.kill();
            TransferLoad.Result beforeCrash = load.stop();
            report.line("load before the crash", beforeCrash.summary());
            report.line("crash", "SIGKILL to pid %d under load, past %d acknowledged transfers (%d acknowledged); exit status %d "
                    + "(137 = killed by SIGKILL); %d requests left without an answer", pid, KILL_AFTER_TRANSFERS,
                    acknowledgedBefore, exit, beforeCrash.unanswered().size());
            report.write();
            if (exit != 137) {
                problems.add("the server was not killed by SIGKILL (exit status " + exit + ")");
            }

            long onDisk;
            try (Connection connection = WalletBenchSetup.database(); var statement = connection.createStatement();
                 var count = statement.executeQuery("SELECT count(*) FROM wallet_entries WHERE kind = 'transfer'")) {
                count.next();
                onDisk = count.getLong(1);
            }
            report.line("journal after the crash", "%d transfers committed: %d acknowledged, %d committed but not "
                    + "acknowledged (their retries must replay, not pay again)", onDisk,
                    beforeCrash.acknowledged().size(), onDisk - beforeCrash.acknowledged().size());
            int offline = server.runCommand(Map.of("omnia.wallet.check-invariants", "true"));
            report.line("invariant command on the crashed database", "exit status %d (0 = invariants hold)", offline);
            if (offline != 0) {
                problems.add("the invariant command failed on the crashed database (exit " + offline + ")");
            }
            long restarting = System.nanoTime();
            server.start();
            report.line("restart", "healthy again in %.1f s", (System.nanoTime() - restarting) / 1e9);

            LedgerAudit audit = new LedgerAudit();
            beforeCrash.acknowledged().forEach(ack -> audit.acknowledged(ack, problems));
            List<TransferLoad.Acknowledged> retried = retry(wallet, beforeCrash.unanswered(), problems);
            retried.forEach(ack -> audit.acknowledged(ack, problems));
            report.line("retries with the same Idempotency-Key", "%d unanswered requests retried: %d acknowledged",
                    beforeCrash.unanswered().size(), retried.size());
            List<TransferLoad.Acknowledged> sample = beforeCrash.acknowledged()
                    .subList(0, Math.min(REPLAYS, beforeCrash.acknowledged().size()));
            List<TransferLoad.Acknowledged> replayed = retry(wallet,
                    sample.stream().map(TransferLoad.Acknowledged::transfer).toList(), problems);
            replayed.forEach(ack -> audit.acknowledged(ack, problems));
            report.line("replays of acknowledged requests", "%d sent again with their key: %d answered (each must "
                    + "name the transfer first acknowledged: checked below)", sample.size(), replayed.size());

            JsonNode invariants = wallet.invariants();
            report.line("invariants after the restart", "%s", invariants);
            if (!invariants.path("ok").asBoolean(false)) {
                problems.add("the server's invariant check failed: " + invariants);
            }
            LedgerAudit.Findings findings;
            long[] totals;
            try (Connection connection = WalletBenchSetup.database()) {
                findings = audit.check(connection, opening, problems);
                totals = WalletBenchSetup.totals(connection);
            }
            if (totals[0] != issued || totals[1] != 0) {
                problems.add("money per asset changed: user accounts hold " + totals[0] + " of " + issued
                        + " issued; all accounts sum to " + totals[1] + " (should be 0)");
            }
            report.line("journal", "%d transfers in the journal, %d distinct keys acknowledged (each exactly once: %s)",
                    findings.transfersInJournal(), findings.expectedTransfers(),
                    findings.transfersInJournal() == findings.expectedTransfers() ? "yes" : "NO");
            report.line("money", "%s (user accounts hold %d, issued %d)", findings.money(), totals[0], issued);
            report.line("verdict", problems.isEmpty() && findings.clean() ? "no violation"
                    : problems.size() + " violations: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
            assertThat(problems).as("crash-test violations").isEmpty();
            assertThat(findings.money()).isEqualTo("0 cents lost, 0 created");
        } finally {
            report.write();
            System.out.println("bench: report written to " + report.file());
        }
    }

    /**
     * Sends each transfer again with its own key, from the benchmark's clients, until it gets an answer that
     * says what happened (a few rounds: the server may still be warming up); returns the acknowledged ones.
     */
    private List<TransferLoad.Acknowledged> retry(WalletClient wallet, List<TransferLoad.Transfer> transfers,
            List<String> problems) throws InterruptedException {
        ConcurrentLinkedQueue<TransferLoad.Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (KeepAliveHttp connection = wallet.connect()) {
                    for (int i = next.getAndIncrement(); i < transfers.size(); i = next.getAndIncrement()) {
                        TransferLoad.Transfer transfer = transfers.get(i);
                        WalletClient.Answer answer = wallet.transfer(connection, transfer);
                        for (int round = 1; round < RETRY_ROUNDS && answer.unanswered(); round++) {
                            answer = wallet.transfer(connection, transfer);
                        }
                        if (answer.acknowledged()) {
                            acknowledged.add(new TransferLoad.Acknowledged(transfer, answer.transferId()));
                        } else {
                            problems.add("retry of " + transfer.key() + " got " + answer.failure());
                        }
                    }
                } catch (IOException closing) {
                    // Every retry has its answer already.
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new ArrayList<>(acknowledged);
    }
}
