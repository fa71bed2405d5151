package app.omnia.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import app.omnia.social.HomeEntry;

/**
 * Runs fan-out off the request thread, on a few virtual threads with a bounded queue: when the queue is full
 * the publishing thread does the work itself, which slows posting down rather than letting the backlog grow
 * without limit. New posts have a lane of their own: they queue up and one worker at a time writes all those
 * waiting as one batch (one set of queries, one Redis round trip), so the busier posting gets, the bigger
 * and cheaper per post the batches; a full lane makes the publishing thread wait. It counts the tasks and
 * posts not yet finished, so tests (and a benchmark) can wait for it to drain.
 */
@Component
class FanOutExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FanOutExecutor.class);
    static final int WORKERS = 4;
    static final int QUEUE = 10_000;
    /** Most posts written in one batch. */
    static final int BATCH = 1_000;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofVirtual().name("fan-out-", 0).factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());
    private final Object idle = new Object();
    private long pending;
    private final java.util.concurrent.BlockingQueue<HomeEntry> posts = new ArrayBlockingQueue<>(QUEUE);
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile java.util.function.Consumer<List<HomeEntry>> postWriter = batch -> {
    };

    /** The lag is published as the gauge {@code omnia.timeline.fanout.pending} (Prometheus, and the benchmark). */
    FanOutExecutor(io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("omnia.timeline.fanout.pending", this, FanOutExecutor::pending)
                .description("Home-timeline fan-out tasks and posts submitted and not finished yet").register(meters);
    }

    void submit(Runnable task) {
        synchronized (idle) {
            pending++;
        }
        pool.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The store is a cache of the database: a lost push is repaired when the timeline is rebuilt.
                log.warn("Home timeline fan-out failed", e);
            } finally {
                finished(1);
            }
        });
    }

    /** Who writes the batches of {@link #submitPost posts}. */
    void writePostsWith(java.util.function.Consumer<List<HomeEntry>> writer) {
        this.postWriter = writer;
    }

    /** Queues a new post for the next batch; waits while the lane is full (back-pressure on posting). */
    void submitPost(HomeEntry post) {
        synchronized (idle) {
            pending++;
        }
        try {
            posts.put(post);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished(1); // not queued: the store is a cache, the timeline is repaired when rebuilt
            return;
        }
        if (draining.compareAndSet(false, true)) {
            pool.execute(this::drainPosts);
        }
    }

    /** One drainer at a time: it writes what is waiting, batch after batch, until the lane is empty. */
    private void drainPosts() {
        while (true) {
            List<HomeEntry> batch = new ArrayList<>(Math.min(BATCH, posts.size()));
            posts.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                draining.set(false);
                // A post queued just before the flag went down found it up: take over again if so.
                if (posts.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                postWriter.accept(batch);
            } catch (RuntimeException e) {
                log.warn("Home timeline fan-out of {} posts failed", batch.size(), e);
            } finally {
                finished(batch.size());
            }
        }
    }

    private void finished(int count) {
        synchronized (idle) {
            pending -= count;
            if (pending == 0) {
                idle.notifyAll();
            }
        }
    }

    /** Tasks and posts submitted and not finished yet: the fan-out lag. */
    long pending() {
        synchronized (idle) {
            return pending;
        }
    }

    /** Waits until every submitted task has finished; false if that took longer than the timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
