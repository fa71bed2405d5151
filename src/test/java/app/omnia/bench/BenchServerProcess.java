package app.omnia.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Omnia in a JVM of its own ({@link BenchJvm}), started from this build's classpath (or {@code bench.server-jar},
 * e.g. {@code target/omnia.jar}): its memory can then be read apart from the load generator's
 * ({@code /proc/<pid>/status}), and each process gets the whole open-file limit for its sockets.
 */
final class BenchServerProcess implements AutoCloseable {

    private static final String JAR = System.getProperty("bench.server-jar", "");
    private static final String HEAP = System.getProperty("bench.server-heap", "3g");
    /** Extra JVM options for the server, space-separated (e.g. a flight recording to profile it). */
    private static final String JVM_OPTIONS = System.getProperty("bench.server-jvm-options", "");

    private final Process process;
    private final int port;
    private final Path log;

    private BenchServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server with these settings (as command-line arguments) and waits until it is healthy. */
    static BenchServerProcess start(Map<String, String> settings, Path log) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = BenchJvm.command(HEAP, JVM_OPTIONS);
        command.addAll(BenchJvm.main("app.omnia.Application", JAR));
        command.add("--server.port=" + port);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchServerProcess server = new BenchServerProcess(process, port, log);
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    private void awaitHealthy(Duration patience) {
        ServerHealth.awaitUp(process, port, patience, log);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the server process, in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for process " + pid());
    }

    /** A full collection, then the Java heap in use, in bytes (via jcmd, which ships with the JDK). */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    /** Writes a dump of the server's threads, virtual ones included, to find where time goes. */
    void dumpThreads(Path file) throws Exception {
        jcmd("Thread.dump_to_file", "-overwrite", file.toAbsolutePath().toString());
    }

    private String jcmd(String... what) throws Exception {
        return BenchJvm.jcmd(pid(), what);
    }

    @Override
    public void close() throws InterruptedException {
        BenchJvm.stop(process);
    }
}
