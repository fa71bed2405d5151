package app.omnia.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The chat benchmark. Not part of the test suite: run with the {@code bench} profile, see the README.
 * It writes accounts, tokens and conversations into PostgreSQL with COPY, starts Omnia in its own JVM on
 * PostgreSQL + Redis with rate limits off, opens a chat socket per account, posts messages at a fixed rate
 * through the chat API and times each one from its send time to every recipient's socket, counting lost,
 * duplicated and out-of-order deliveries; and it reads the server's memory before and after the sockets open.
 * Baseline, measured in the same run: the same traffic (every conversation keeps receiving, the database does
 * the same work) while only {@code bench.baseline-connections} sockets are open; the ratio is what holding
 * all the other sockets costs.
 * <p>
 * Past one process's open-file limit (every socket is a descriptor in the server and in the load generator),
 * {@code bench.server-copies} runs several Omnia copies on the same PostgreSQL and Redis ({@link ServerCopies}), and
 * {@code bench.load-processes} spreads the sockets over child JVMs ({@link ChatReceivers}); posts and sockets are
 * spread over the copies, so messages cross from copy to copy through Redis, and every figure covers them all.
 */
class ChatBench {

    private static final String PG = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = System.getProperty("bench.database", "omnia_cbench");
    private static final String REDIS = System.getProperty("bench.redis", "redis://127.0.0.1:6379/10");
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 10_000);
    private static final int BASELINE = Integer.getInteger("bench.baseline-connections", 100);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "2000"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** Traffic at the measured rate before the baseline, not counted: a cold server fell behind for its first phase. */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 10);
    private static final int GROUP_SIZE = Integer.getInteger("bench.group-size", 10);
    private static final double DIRECT_SHARE = Double.parseDouble(System.getProperty("bench.direct-share", "0.5"));
    private static final int PARALLEL_HANDSHAKES = Integer.getInteger("bench.handshakes", 64);
    /** Omnia copies sharing PostgreSQL and Redis; sockets and posts are spread over them. */
    private static final int SERVER_COPIES = Integer.getInteger("bench.server-copies", 1);
    /** Processes holding the sockets: this JVM, and child JVMs from the second on (one per open-file limit). */
    private static final int LOAD_PROCESSES = Integer.getInteger("bench.load-processes", 1);
    private static final boolean THREAD_DUMP = Boolean.getBoolean("bench.thread-dump");
    /** PostgreSQL's own default is on: every commit waits for its WAL flush (fsync) on disk. */
    private static final String SYNCHRONOUS_COMMIT = System.getProperty("bench.synchronous-commit", "on");

    private final List<String> report = new ArrayList<>();
    private CpuClock cpu;

    @Test
    void chat() throws Exception {
        BenchAccounts.recreateDatabase(PG, DATABASE);
        BenchAccounts.flushRedis(REDIS);
        try (Connection admin = DriverManager.getConnection(PG + DATABASE, "postgres", "");
             var statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DATABASE + " SET synchronous_commit = "
                    + (SYNCHRONOUS_COMMIT.equals("off") ? "off" : "on"));
        }
        ChatCast cast = new ChatCast(CONNECTIONS, DIRECT_SHARE, GROUP_SIZE);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("omnia.database.url", PG + DATABASE);
        settings.put("omnia.database.username", "postgres");
        settings.put("omnia.database.password", "");
        settings.put("omnia.redis.url", REDIS);
        settings.put("omnia.rate-limits.enabled", "false");
        settings.put("logging.level.root", "warn");
        int capacity = (int) (RATE * (SECONDS * 2 + WARM_UP_SECONDS) * 1.1) + cast.chats().size() * 2 + 1_000;
        ChatLedger ledger = new ChatLedger(capacity);
        try (ServerCopies servers = ServerCopies.start(SERVER_COPIES, settings, Path.of("target", "bench", "chat-data"),
                Path.of("target", "bench", "chat-server.log"));
             ChatReceivers sockets = new ChatReceivers(servers.ports(), ledger, LOAD_PROCESSES);
             ChatSenders senders = new ChatSenders(servers.ports(), cast, ledger);
             StandInAutovacuum autovacuum = new StandInAutovacuum(PG + DATABASE,
                     "ANALYZE chat_events, chat_inbox, chat_messages, chat_sequences", Duration.ofSeconds(5))) {
            cpu = new CpuClock(servers.pids(), DATABASE, sockets.pids());
            long written = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(PG + DATABASE, "postgres", "")) {
                cast.write(connection);
            }
            line("setup", "%d accounts with tokens, %d direct conversations, %d groups of about %d (written in %.1f s); "
                            + "server pids %s, load generator pids %s%s, open-file limit %s, PostgreSQL "
                            + "synchronous_commit %s", CONNECTIONS, cast.directChats(), cast.groupChats(), GROUP_SIZE,
                    (System.nanoTime() - written) / 1e9, servers.pids(), sockets.pids(), sockets.processes() == 1 ? ""
                            : String.format(" (their System.nanoTime() agrees with this JVM's within %.0f us)",
                            sockets.clockWindowNanos() / 1e3), openFileLimit(), SYNCHRONOUS_COMMIT);
            long heapIdle = servers.heapUsedAfterGc();
            long rssIdle = servers.residentBytes();

            BitSet connected = new BitSet(CONNECTIONS);
            int step = Math.max(1, CONNECTIONS / Math.max(1, BASELINE));
            List<Long> first = new ArrayList<>();
            for (int k = 0, i = 0; i < CONNECTIONS && first.size() < BASELINE; k++, i = k * step + k % step) {
                // k % step: not always a multiple of the step, which could put them all on one copy and process
                first.add(cast.account(i));
                connected.set(i);
            }
            int failed = sockets.connect(first, PARALLEL_HANDSHAKES);
            warmUp(senders, ledger, cast, connected);
            ChatLedger.Phase jit = new ChatLedger.Phase("warm-up traffic");
            traffic(jit, WARM_UP_SECONDS, senders, cast, connected);
            awaitDeliveries(ledger, jit, Duration.ofSeconds(60));
            warmUp(senders, ledger, cast, connected);
            ChatLedger.Phase baseline = measure("baseline", senders, ledger, cast, connected, null);
            long heapBaseline = servers.heapUsedAfterGc();
            long rssBaseline = servers.residentBytes();

            List<Long> rest = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                if (!connected.get(i)) {
                    rest.add(cast.account(i));
                    connected.set(i);
                }
            }
            long connecting = System.nanoTime();
            failed += sockets.connect(rest, PARALLEL_HANDSHAKES);
            double connectSeconds = (System.nanoTime() - connecting) / 1e9;
            long heapAll = servers.heapUsedAfterGc();
            long rssAll = servers.residentBytes();
            line("connections", "%d sockets open (%d failed to connect), %d opened in %.1f s (%.0f/s)",
                    sockets.openSockets(), failed, rest.size(), connectSeconds, rest.size() / connectSeconds);
            line("server memory", "RSS %.0f MB idle, %.0f MB with %d sockets, %.0f MB with %d: %.1f KB RSS and "
                            + "%.1f KB heap per connection (heap after GC: %.0f -> %.0f MB; summed over the server "
                            + "copies: %d)",
                    rssIdle / 1e6,
                    rssBaseline / 1e6, first.size(), rssAll / 1e6, sockets.openSockets(),
                    (rssAll - rssBaseline) / 1024.0 / rest.size(), (heapAll - heapBaseline) / 1024.0 / rest.size(),
                    heapIdle / 1e6, heapAll / 1e6, servers.count());

            warmUp(senders, ledger, cast, connected);
            ChatLedger.Phase full = measure(CONNECTIONS + " connections", senders, ledger, cast, connected,
                    THREAD_DUMP ? servers.first() : null);
            line("ratio " + CONNECTIONS + "/" + first.size() + " connections", "p50 x%.2f, p99 x%.2f, throughput x%.2f",
                    full.delivery.percentileMillis(0.5) / Math.max(0.001, baseline.delivery.percentileMillis(0.5)),
                    full.delivery.percentileMillis(0.99) / Math.max(0.001, baseline.delivery.percentileMillis(0.99)),
                    perSecond(full) / perSecond(baseline));
            line("integrity (all phases)", "%d duplicated, %d out of order, %d sequence gaps, %d unknown",
                    ledger.duplicates.sum(), ledger.reordered.sum(), ledger.gaps.sum(), ledger.unknown.sum());
            line("target", "%d connections, p99 %.1f ms < 100 ms at %.0f messages/s, zero lost/duplicated/reordered: %s",
                    CONNECTIONS, full.delivery.percentileMillis(0.99), perSecond(full),
                    CONNECTIONS >= 20_000 && full.delivery.percentileMillis(0.99) < 100 && perSecond(full) >= 2_000
                            && ledger.missing(full) == 0 && ledger.duplicates.sum() == 0
                            && ledger.reordered.sum() == 0 ? "met" : "not met");
        }
        Path out = Path.of("target", "bench", "chat.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        System.out.println("bench: report written to " + out.toAbsolutePath());
    }

    /** One message in every conversation someone connected is in, all heard before measuring: a barrier. */
    private void warmUp(ChatSenders senders, ChatLedger ledger, ChatCast cast, BitSet connected) throws Exception {
        List<ChatSenders.Send> sends = new ArrayList<>();
        for (int c = 0; c < cast.chats().size(); c++) {
            long[] members = cast.chats().get(c).members();
            for (long member : members) {
                if (connected.get((int) (member - BenchAccounts.FIRST_ID))) {
                    sends.add(new ChatSenders.Send(c, members[0]));
                    break;
                }
            }
        }
        ChatLedger.Phase warmUp = new ChatLedger.Phase("warm-up");
        senders.send(warmUp, sends.size(), RATE, sends::get, connected::get);
        long missing = awaitDeliveries(ledger, warmUp, Duration.ofSeconds(60));
        if (missing > 0 || warmUp.failed.sum() > 0) {
            throw new IllegalStateException("Warm-up: " + missing + " deliveries missing, " + warmUp.failed.sum()
                    + " posts failed; see target/bench/chat-server*.log");
        }
        analyze();
    }

    /**
     * What autovacuum would do on a production server (this machine's PostgreSQL runs without it): statistics
     * for the chat tables, which the COPY and the warm-up filled. Without them the server's connections keep
     * the plans made while the tables looked empty (sequential scans, in foreign-key checks too) and
     * PostgreSQL's CPU per message grows with every message stored.
     */
    private void analyze() throws Exception {
        try (Connection connection = DriverManager.getConnection(PG + DATABASE, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    private ChatLedger.Phase measure(String name, ChatSenders senders, ChatLedger ledger, ChatCast cast,
                                     BitSet connected, BenchServerProcess dumpFrom) throws Exception {
        ChatLedger.Phase phase = new ChatLedger.Phase(name);
        int count = (int) (RATE * SECONDS);
        Thread dumper = dumpFrom == null ? null : Thread.ofVirtual().start(() -> dumpThreads(dumpFrom, phase, count));
        CpuClock.Reading before = cpu.read();
        traffic(phase, SECONDS, senders, cast, connected);
        if (dumper != null) {
            dumper.join();
        }
        long lost = awaitDeliveries(ledger, phase, Duration.ofSeconds(15));
        CpuClock.Reading after = cpu.read();
        line(name + ", messages", "%.0f messages/s achieved (%d sent at %.0f/s for %d s, %d failed), %d deliveries "
                        + "expected", perSecond(phase), phase.accepted.sum(), RATE, SECONDS, phase.failed.sum(),
                phase.expected.sum());
        line(name + ", send -> receive", "%s (%d deliveries); lost %d", phase.delivery.summary(),
                phase.delivery.count(), lost);
        line(name + ", post answered", phase.posting.summary());
        line(name + ", CPU", after.since(before, phase.accepted.sum()));
        return phase;
    }

    /** {@link #RATE} messages a second for {@code seconds}, from random accounts to their conversation. */
    private static void traffic(ChatLedger.Phase phase, int seconds, ChatSenders senders, ChatCast cast,
                                BitSet connected) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        senders.send(phase, (int) (RATE * seconds), RATE, i -> {
            int account = random.nextInt(CONNECTIONS); // one sender thread: the generator is not shared
            return new ChatSenders.Send(cast.chatOf(account), cast.account(account));
        }, connected::get);
    }

    /** Polls until every delivery of the phase has been heard, or the deadline passes; answers those missing. */
    private static long awaitDeliveries(ChatLedger ledger, ChatLedger.Phase phase, Duration patience) {
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> ledger.missing(phase) == 0);
        } catch (ConditionTimeoutException late) {
            // What is still missing after the grace period counts as lost: the figure, not a failure.
        }
        return ledger.missing(phase);
    }

    private static double perSecond(ChatLedger.Phase phase) {
        return phase.accepted.sum() / Math.max(1e-9, (phase.lastPosted - phase.firstDue) / 1e9);
    }

    /** Once half the phase's messages are posted, the server's threads: where the time goes under load. */
    private static void dumpThreads(BenchServerProcess server, ChatLedger.Phase phase, int count) {
        try {
            await().atMost(Duration.ofSeconds(SECONDS * 4L)).pollInterval(Duration.ofMillis(50))
                    .until(() -> phase.accepted.sum() + phase.failed.sum() >= count / 2);
            server.dumpThreads(Path.of("target", "bench", "chat-threads.txt"));
        } catch (Exception e) {
            System.out.println("bench: no thread dump: " + e);
        }
    }

    private static String openFileLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith("Max open files"))
                    .map(l -> l.replaceAll("Max open files\\s+(\\S+)\\s+(\\S+).*", "$1 (hard $2)")).findFirst()
                    .orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void line(String figure, String format, Object... args) {
        String text = "bench: " + figure + ": " + String.format(format, args);
        System.out.println(text);
        report.add(text);
    }
}
