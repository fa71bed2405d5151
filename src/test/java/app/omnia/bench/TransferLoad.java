package app.omnia.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop transfer load: {@code concurrency} virtual threads, each sending one transfer at a time over HTTP
 * (a new Idempotency-Key each) until told to stop. It keeps every latency, counts outcomes by kind, and
 * remembers what was acknowledged and what was left without an answer, for the crash test to check.
 * {@link #balanceReads} sends, the same way, each transfer's payer reading their balances instead: what the
 * same clients get from the server for the cheapest authenticated wallet request (a ceiling for transfers).
 */
final class TransferLoad {

    /** Chooses who pays whom; called from many threads, each with its own random source. */
    interface Mix {
        Transfer next(SplittableRandom random, long sequence);
    }

    /** What a client sends, on its own connection, for each transfer the mix chooses. */
    private interface Request {
        WalletClient.Answer send(WalletClient wallet, KeepAliveHttp connection, Transfer transfer);
    }

    /** One transfer request: the key identifies it across retries. */
    record Transfer(String key, long payer, long payee, long amount) {}

    /** A transfer the server acknowledged (2xx), with the id it answered. */
    record Acknowledged(Transfer transfer, String id) {}

    /** What a run measured and remembered. */
    record Result(String what, long[] latenciesNanos, long elapsedNanos, Map<String, Long> failures,
            List<Acknowledged> acknowledged, List<Transfer> unanswered) {

        double perSecond() {
            return latenciesNanos.length / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            return latenciesNanos[(int) Math.min(latenciesNanos.length - 1, Math.floor(p * latenciesNanos.length))] / 1e6;
        }

        String summary() {
            return String.format("%.0f " + what + "/s, p50 %.1f ms, p99 %.1f ms (%d acknowledged in %.1f s; failures: %s)",
                    perSecond(), percentileMillis(0.5), percentileMillis(0.99), latenciesNanos.length,
                    elapsedNanos / 1e9, failures.isEmpty() ? "none" : failures);
        }
    }

    private final WalletClient wallet;
    private final Request request;
    private final String what;
    private final int concurrency;
    private final boolean remember;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** When the clients stop by themselves ({@link #runFor}); far away for a load stopped by {@link #stop()}. */
    private volatile long deadline = Long.MAX_VALUE;
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private long started;

    /** {@code remember}: keep every acknowledged and unanswered transfer (the crash test needs them). */
    TransferLoad(WalletClient wallet, int concurrency, boolean remember) {
        this(wallet, WalletClient::transfer, "transfers", concurrency, remember);
    }

    private TransferLoad(WalletClient wallet, Request request, String what, int concurrency, boolean remember) {
        this.wallet = wallet;
        this.request = request;
        this.what = what;
        this.concurrency = concurrency;
        this.remember = remember;
    }

    /** Each transfer's payer reads their own balances instead of paying: nothing is written. */
    static TransferLoad balanceReads(WalletClient wallet, int concurrency) {
        return new TransferLoad(wallet, (client, connection, transfer) -> client.balances(connection,
                transfer.payer()), "requests",
                concurrency, false);
    }

    /** Starts the clients; they run until {@link #stop()}. */
    TransferLoad start(Mix mix, long seed) {
        started = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            Client client = new Client(c, mix, new SplittableRandom(seed + c));
            clients.add(client);
            threads.add(Thread.ofVirtual().name("transfer-client-" + c).start(client));
        }
        return this;
    }

    /** Runs the clients for a fixed time and returns what they measured. */
    Result runFor(Mix mix, long seed, Duration duration) throws InterruptedException {
        deadline = System.nanoTime() + duration.toNanos();
        start(mix, seed);
        for (Thread thread : threads) {
            thread.join(); // each client ends its last request after the deadline
        }
        return stop();
    }

    /** Number of transfers acknowledged so far (approximate while running). */
    long acknowledgedSoFar() {
        long total = 0;
        for (Client client : clients) {
            total += client.count;
        }
        return total;
    }

    /** Stops the clients, waits for each to finish its request in flight, and returns the result. */
    Result stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - started;
        int total = 0;
        for (Client client : clients) {
            total += client.count;
        }
        long[] latencies = new long[total];
        List<Acknowledged> acknowledged = new ArrayList<>();
        List<Transfer> unanswered = new ArrayList<>();
        int at = 0;
        for (Client client : clients) {
            System.arraycopy(client.latencies, 0, latencies, at, client.count);
            at += client.count;
            acknowledged.addAll(client.acknowledged);
            unanswered.addAll(client.unanswered);
        }
        Arrays.sort(latencies);
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((kind, count) -> counted.put(kind, count.sum()));
        return new Result(what, latencies, elapsed, counted, acknowledged, unanswered);
    }

    private final class Client implements Runnable {

        private final int number;
        private final Mix mix;
        private final SplittableRandom random;
        private long[] latencies = new long[1 << 14];
        private volatile int count;
        private final List<Acknowledged> acknowledged = new ArrayList<>();
        private final List<Transfer> unanswered = new ArrayList<>();

        Client(int number, Mix mix, SplittableRandom random) {
            this.number = number;
            this.mix = mix;
            this.random = random;
        }

        @Override
        public void run() {
            try (KeepAliveHttp connection = wallet.connect()) {
                run(connection);
            } catch (IOException closing) {
                // Every answer is counted already; a connection that fails to close changes none of them.
            }
        }

        private void run(KeepAliveHttp connection) {
            long sequence = 0;
            while (running.get() && System.nanoTime() < deadline) {
                Transfer transfer = mix.next(random, ((long) number << 40) | sequence++);
                long at = System.nanoTime();
                WalletClient.Answer answer = request.send(wallet, connection, transfer);
                long took = System.nanoTime() - at;
                if (answer.acknowledged()) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count] = took;
                    count = count + 1; // only this thread writes it
                    if (remember) {
                        acknowledged.add(new Acknowledged(transfer, answer.transferId()));
                    }
                } else {
                    failures.computeIfAbsent(answer.failure(), kind -> new LongAdder()).increment();
                    if (remember && answer.unanswered()) {
                        unanswered.add(transfer);
                    }
                }
            }
        }
    }
}
