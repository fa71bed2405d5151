package app.omnia.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own {@code pgbench} running its built-in TPC-B-like script: the baseline a benchmark measures in
 * the same run, on the same server, with the same number of clients, so that its ratio means something on
 * whatever machine it runs on. It works in its own database, which it recreates.
 */
final class PgBench {

    /** What one run measured. */
    record Result(double tps, double averageLatencyMillis, long transactions, String synchronousCommit) {}

    private static final Pattern TPS = Pattern.compile("^tps = ([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern LATENCY = Pattern.compile("^latency average = ([0-9.]+) ms", Pattern.MULTILINE);
    private static final Pattern PROCESSED =
            Pattern.compile("^number of transactions actually processed: ([0-9]+)", Pattern.MULTILINE);

    private final String executable;
    private final String host;
    private final int port;
    private final String database;

    /** {@code postgres} is a JDBC server URL such as {@code jdbc:postgresql://127.0.0.1:5432/}. */
    PgBench(String executable, String postgres, String database) {
        URI uri = URI.create(postgres.substring("jdbc:".length()));
        this.executable = executable;
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = database;
    }

    /** Recreates the database and fills it at the given scale (100,000 accounts per unit). */
    void initialise(int scale) throws IOException, InterruptedException {
        run("dropdb", "--if-exists", "-h", host, "-p", String.valueOf(port), "-U", "postgres", database);
        run("createdb", "-h", host, "-p", String.valueOf(port), "-U", "postgres", database);
        run(executable, "-h", host, "-p", String.valueOf(port), "-U", "postgres", "-i", "-q", "-s",
                String.valueOf(scale), database);
    }

    /** Runs the built-in tpcb-like script with {@code clients} connections for {@code seconds}. */
    Result run(int clients, int seconds) throws IOException, InterruptedException {
        String synchronousCommit = run("psql", "-h", host, "-p", String.valueOf(port), "-U", "postgres", "-Atc",
                "SHOW synchronous_commit", database).strip();
        String output = run(executable, "-h", host, "-p", String.valueOf(port), "-U", "postgres",
                "-b", "tpcb-like", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, threads())),
                "-T", String.valueOf(seconds), database);
        return new Result(number(TPS, output), number(LATENCY, output), (long) number(PROCESSED, output),
                synchronousCommit);
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ":\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** Runs a command to its end and returns what it printed; a non-zero exit is an error. */
    private static String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
        }
        return output;
    }
}
