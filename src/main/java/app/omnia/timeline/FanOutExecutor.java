package app.omnia.timeline;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs fan-out off the request thread, on a few virtual threads with a bounded queue: when the queue is full
 * the publishing thread does the work itself, which slows posting down rather than letting the backlog grow
 * without limit. It counts the tasks not yet finished, so tests (and a benchmark) can wait for it to drain.
 */
@Component
class FanOutExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FanOutExecutor.class);
    static final int WORKERS = 4;
    static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofVirtual().name("fan-out-", 0).factory(),
            new ThreadPoolExecutor.CallerRunsPolicy());
    private final Object idle = new Object();
    private long pending;

    /** The lag is published as the gauge {@code omnia.timeline.fanout.pending} (Prometheus, and the benchmark). */
    FanOutExecutor(io.micrometer.core.instrument.MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("omnia.timeline.fanout.pending", this, FanOutExecutor::pending)
                .description("Home-timeline fan-out tasks submitted and not finished yet").register(meters);
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
                synchronized (idle) {
                    if (--pending == 0) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    /** Tasks submitted and not finished yet: the fan-out lag, in tasks. */
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
