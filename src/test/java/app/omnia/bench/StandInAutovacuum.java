package app.omnia.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Analyses (and, for tables that update rows, vacuums) the given tables every few seconds while a benchmark
 * runs, as autovacuum does on a production server as tables grow. This machine's PostgreSQL runs without autovacuum: a table analysed once while
 * small keeps its sequential-scan plans (foreign-key checks included) in the server's connections however much
 * it grows, and PostgreSQL's CPU per operation then grows with every row stored. Its cost is PostgreSQL CPU,
 * which the benchmark counts as it would count autovacuum's.
 */
final class StandInAutovacuum implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-analyze");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code command}: the maintenance statement, e.g. {@code ANALYZE t1, t2} or {@code VACUUM (ANALYZE) t1}. */
    StandInAutovacuum(String jdbcUrl, String command, Duration every) {
        scheduler.scheduleWithFixedDelay(() -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute(command);
            } catch (Exception e) {
                System.err.println("bench: " + command + " failed: " + e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
