package app.omnia.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Omnia as a separate operating-system process ({@code java -jar target/omnia.jar}), so that a benchmark can
 * kill it the hard way and start it again on the same port and data. Its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "omnia.jar");
    /** Extra JVM options for the server, space-separated (e.g. a flight recording to profile it). */
    private static final String JVM_OPTIONS = System.getProperty("bench.server-jvm-options", "");

    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private int starts;

    /** {@code settings} are Omnia properties, passed as {@code --name=value} arguments (they win over the yml). */
    ServerProcess(int port, Map<String, String> settings, Path log) {
        this.port = port;
        this.settings = settings;
        this.log = log;
    }

    /** A TCP port nobody listens on right now; it stays the server's across restarts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the server and waits until it answers its health check (at most five minutes). */
    void start() throws IOException, InterruptedException {
        process = launch(Map.of());
        awaitHealthy(Duration.ofMinutes(5)); // minutes, not seconds: on a busy shared machine start-up has taken 2.5 min
    }

    /**
     * Runs the jar once with extra settings (a command such as the wallet's invariant check, which exits instead
     * of serving) while the server is not running; returns its exit status. Its output goes to the log too.
     */
    int runCommand(Map<String, String> extra) throws IOException, InterruptedException {
        Process command = launch(extra);
        if (!command.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            command.destroyForcibly().waitFor();
            throw new IllegalStateException("the command " + extra + " did not finish in 5 minutes; see " + log);
        }
        return command.exitValue();
    }

    private Process launch(Map<String, String> extra) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run with -Pbench, which builds it");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"));
        if (!JVM_OPTIONS.isBlank()) {
            command.addAll(List.of(JVM_OPTIONS.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        extra.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                        : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Kills the process without warning: {@link Process#destroyForcibly()} sends SIGKILL on Linux, which no
     * shutdown hook, graceful shutdown or finally block sees. Returns the exit status (137 = 128 + SIGKILL).
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    private void awaitHealthy(Duration patience) {
        ServerHealth.awaitUp(process, port, patience, log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
