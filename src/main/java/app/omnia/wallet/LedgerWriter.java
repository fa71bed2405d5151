package app.omnia.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.web.ApiException;

/**
 * Group commit for the ledger. Requests queue up; one writer thread per server copy takes everything waiting
 * (up to {@code omnia.wallet.batch-max-size}) and applies it in one database transaction, so the cost of a
 * commit is shared by the batch: the busier the wallet, the bigger the batches, and a hot account is locked
 * once per batch rather than once per transfer. Each request still gets its own outcome (see
 * {@link LedgerBatch}). Correctness does not rest on this thread being alone: balances are read under row
 * locks and written with guarded UPDATEs, so several server copies may each run their writer on one database.
 *
 * <p>Metrics: {@code omnia.wallet.batch.size} (postings per transaction), {@code omnia.wallet.queue.depth}
 * (postings waiting), {@code omnia.wallet.batch.duration}, {@code omnia.wallet.postings} by outcome.
 */
@Component
class LedgerWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    private record Pending(LedgerCommand command, CompletableFuture<PostingOutcome> result) {}

    private final ArrayBlockingQueue<Pending> queue;
    private final int batchMaxSize;
    private final LedgerBatch batch;
    private final TransactionTemplate transactions;
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;
    private final Map<Class<?>, Counter> outcomes;
    private volatile boolean running;
    private Thread thread;

    LedgerWriter(WalletSettings settings, LedgerBatch batch, TransactionTemplate transactions, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.batchMaxSize = settings.batchMaxSize();
        this.batch = batch;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder("omnia.wallet.batch.size")
                .description("Postings applied per ledger transaction").publishPercentileHistogram().register(meters);
        this.batchDurations = Timer.builder("omnia.wallet.batch.duration")
                .description("Time to apply and commit one ledger batch").register(meters);
        meters.gauge("omnia.wallet.queue.depth", queue, ArrayBlockingQueue::size);
        this.outcomes = Map.of(
                PostingOutcome.Posted.class, outcomeCounter(meters, "posted"),
                PostingOutcome.Refused.class, outcomeCounter(meters, "refused"),
                PostingOutcome.Replayed.class, outcomeCounter(meters, "replayed"));
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("omnia.wallet.postings").tag("outcome", outcome).register(meters);
    }

    /** Queues a posting; a full queue is a 503 at once rather than an ever-growing wait. */
    CompletableFuture<PostingOutcome> submit(LedgerCommand command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw busy("The wallet is busy; retry shortly");
        }
        return pending.result();
    }

    int queueDepth() {
        return queue.size();
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> pending = new ArrayList<>(Math.min(batchMaxSize, queue.size() + 1));
            pending.add(first);
            queue.drainTo(pending, batchMaxSize - 1);
            process(pending);
        }
    }

    private void process(List<Pending> pending) {
        List<LedgerCommand> commands = pending.stream().map(Pending::command).toList();
        List<PostingOutcome> results;
        try {
            long start = System.nanoTime();
            results = transactions.execute(status -> batch.apply(commands));
            batchDurations.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSizes.record(pending.size());
        } catch (RuntimeException failed) {
            if (pending.size() > 1) {
                // One posting's database failure (or a deadlock with another copy) must not sink the others.
                log.warn("Ledger batch of {} failed ({}); applying its postings one by one", pending.size(),
                        failed.toString());
                pending.forEach(p -> process(List.of(p)));
            } else {
                log.error("Ledger posting failed", failed);
                pending.getFirst().result().completeExceptionally(busy("The wallet could not record this; retry"));
            }
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            outcomes.get(results.get(i).getClass()).increment();
            pending.get(i).result().complete(results.get(i));
        }
    }

    static ApiException busy(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "wallet-unavailable", "Wallet unavailable", message,
                List.of(), Map.of("retry_after", 1));
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("wallet-ledger-writer").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts before the web server and stops after it, so requests finishing a graceful shutdown still post. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
