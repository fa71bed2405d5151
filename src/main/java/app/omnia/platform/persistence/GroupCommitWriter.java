package app.omnia.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit: requests queue up, and one writer thread per server copy hands everything waiting (up to a batch
 * size) to {@link #applyBatch}, which stores it in one database transaction. The cost of a commit and of its
 * round trips is shared by the batch, so the busier the server, the bigger the batches. Each request keeps its
 * own outcome: a batch that throws is retried one request per transaction, so one request's failure (or a
 * deadlock with another copy) cannot sink the others, and a request that fails alone gets
 * {@link #failedAlone}'s answer.
 *
 * <p>A full queue refuses at once ({@link #busy}) rather than letting the wait grow without bound. The writer
 * starts before the web server and stops after it, so requests finishing a graceful shutdown are still stored.
 *
 * @param <C> what a request asks to store
 * @param <R> its outcome
 */
public abstract class GroupCommitWriter<C, R> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Pending<C, R>(C command, CompletableFuture<R> result) {}

    private final String threadName;
    private final ArrayBlockingQueue<Pending<C, R>> queue;
    private final int batchMaxSize;
    private volatile boolean running;
    private Thread thread;

    protected GroupCommitWriter(String threadName, int queueCapacity, int batchMaxSize) {
        this.threadName = threadName;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchMaxSize = batchMaxSize;
    }

    /** Stores the commands in one transaction; the outcomes in the commands' order. Throws only on a failure. */
    protected abstract List<R> applyBatch(List<C> commands);

    /** What a caller gets when the queue is full, the writer stopped, or its request failed alone. */
    protected abstract RuntimeException busy();

    /** The outcome of a request whose transaction failed when applied alone; by default {@link #busy}. */
    protected R failedAlone(C command, RuntimeException failed) {
        log.error("{}: a request failed alone", threadName, failed);
        throw busy();
    }

    /** Called after each committed batch, for metrics. */
    protected void applied(int batchSize, long nanos) {
    }

    /** Queues a request; the future completes once its batch is committed. */
    public final CompletableFuture<R> submit(C command) {
        Pending<C, R> pending = new Pending<>(command, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw busy();
        }
        return pending.result();
    }

    public final int queueDepth() {
        return queue.size();
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            Pending<C, R> first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending<C, R>> pending = new ArrayList<>(Math.min(batchMaxSize, queue.size() + 1));
            pending.add(first);
            queue.drainTo(pending, batchMaxSize - 1);
            process(pending);
        }
    }

    private void process(List<Pending<C, R>> pending) {
        List<R> results;
        try {
            long start = System.nanoTime();
            results = applyBatch(pending.stream().map(Pending::command).toList());
            applied(pending.size(), System.nanoTime() - start);
        } catch (RuntimeException failed) {
            if (pending.size() > 1) {
                log.warn("{}: a batch of {} failed ({}); applying its requests one by one", threadName,
                        pending.size(), failed.toString());
                pending.forEach(p -> process(List.of(p)));
            } else {
                completeAlone(pending.getFirst(), failed);
            }
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).result().complete(results.get(i));
        }
    }

    private void completeAlone(Pending<C, R> pending, RuntimeException failed) {
        try {
            pending.result().complete(failedAlone(pending.command(), failed));
        } catch (RuntimeException answer) {
            pending.result().completeExceptionally(answer);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::loop);
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

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
