package app.omnia.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies of Omnia ({@link BenchServerProcess}) sharing one PostgreSQL database and one Redis, as behind a load
 * balancer: each on its own port, with its own node id ({@code omnia.node-id}, so ids never collide), data folder
 * and log, and the same {@code omnia.secret-key}. Redis pub/sub carries the streaming events between them. Memory
 * figures are sums over the copies.
 */
final class ServerCopies implements AutoCloseable {

    private final List<BenchServerProcess> copies = new ArrayList<>();

    private ServerCopies() {
    }

    /**
     * Starts {@code count} copies with these settings; copy {@code i} gets node id {@code i}, the data folder
     * {@code dataDir} (with {@code -i} after it from the second copy on) and the log {@code <log>.log} (likewise).
     * The first copy starts alone, so that it alone migrates the empty database; the others then start together.
     */
    static ServerCopies start(int count, Map<String, String> settings, Path dataDir, Path log) throws Exception {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("bench.server-copies must be between 1 and 64 (node ids 0-63)");
        }
        ServerCopies servers = new ServerCopies();
        try {
            servers.copies.add(BenchServerProcess.start(settingsOf(0, settings, dataDir), numbered(log, 0)));
            try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<BenchServerProcess>> others = new ArrayList<>();
                for (int i = 1; i < count; i++) {
                    int copy = i;
                    others.add(starting.submit(() -> BenchServerProcess.start(settingsOf(copy, settings, dataDir),
                            numbered(log, copy))));
                }
                for (Future<BenchServerProcess> other : others) {
                    servers.copies.add(other.get());
                }
            }
            return servers;
        } catch (Exception | Error failed) {
            servers.close();
            throw failed;
        }
    }

    private static Map<String, String> settingsOf(int copy, Map<String, String> shared, Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>(shared);
        settings.put("omnia.node-id", String.valueOf(copy));
        settings.put("omnia.data-dir", numbered(dataDir, copy).toAbsolutePath().toString());
        // Without it each copy would generate its own key in its data folder (README: running several copies).
        settings.putIfAbsent("omnia.secret-key", "bench-key-shared-by-every-copy");
        return settings;
    }

    /** {@code chat-server.log} for the first copy, {@code chat-server-1.log} for the second, and so on. */
    private static Path numbered(Path path, int copy) {
        if (copy == 0) {
            return path;
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return path.resolveSibling(dot < 0 ? name + "-" + copy
                : name.substring(0, dot) + "-" + copy + name.substring(dot));
    }

    /** The first copy (thread dumps are taken from it). */
    BenchServerProcess first() {
        return copies.getFirst();
    }

    int count() {
        return copies.size();
    }

    List<Integer> ports() {
        return copies.stream().map(BenchServerProcess::port).toList();
    }

    List<Long> pids() {
        return copies.stream().map(BenchServerProcess::pid).toList();
    }

    /** Resident memory of all the copies together, in bytes. */
    long residentBytes() throws IOException {
        long sum = 0;
        for (BenchServerProcess copy : copies) {
            sum += copy.residentBytes();
        }
        return sum;
    }

    /** The Java heap in use after a full collection, summed over the copies, in bytes. */
    long heapUsedAfterGc() throws Exception {
        long sum = 0;
        for (BenchServerProcess copy : copies) {
            sum += copy.heapUsedAfterGc();
        }
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        for (BenchServerProcess copy : copies) {
            copy.close();
        }
    }
}
