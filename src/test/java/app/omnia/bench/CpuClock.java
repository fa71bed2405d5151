package app.omnia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by the server JVM (or its copies), by the PostgreSQL backends serving the benchmark's database,
 * and by the load generator (this JVM, and its helper processes if any), read from {@code /proc}. On a machine
 * shared with other work, latency depends on how much CPU the benchmark got; CPU time per message does not, and
 * says what the same work would need on dedicated cores.
 */
final class CpuClock {

    /** CPU seconds used so far by each party. */
    record Reading(double server, double database, double client, String loadAverage) {

        String since(Reading start, long messages) {
            return since(start, messages, "message");
        }

        /** The CPU per operation named {@code what} ("message", "transfer"...), for {@code count} of them. */
        String since(Reading start, long count, String what) {
            double perOperation = 1000.0 / Math.max(1, count);
            double total = (server - start.server) + (database - start.database) + (client - start.client);
            return String.format("server %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms CPU per " + what
                            + " (server + PostgreSQL: at most %.0f " + what + "s/s on 2 dedicated cores); load average "
                            + "%s -> %s",
                    (server - start.server) * perOperation, (database - start.database) * perOperation,
                    (client - start.client) * perOperation,
                    2.0 / Math.max(1e-9, ((server - start.server) + (database - start.database)) / Math.max(1, count)),
                    start.loadAverage, loadAverage) + (total < 0 ? " (a process restarted)" : "");
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final List<Long> serverPids;
    private final String database;
    private final List<Long> generatorPids;

    CpuClock(long serverPid, String database) {
        this(List.of(serverPid), database, List.of(ProcessHandle.current().pid()));
    }

    /** Several server copies, and a load generator in several processes: each side's figure is their sum. */
    CpuClock(List<Long> serverPids, String database, List<Long> generatorPids) {
        this.serverPids = List.copyOf(serverPids);
        this.database = database;
        this.generatorPids = List.copyOf(generatorPids);
    }

    Reading read() {
        return new Reading(seconds(serverPids), databaseSeconds(), seconds(generatorPids), loadAverage());
    }

    private static double seconds(List<Long> pids) {
        return pids.stream().mapToDouble(CpuClock::seconds).sum();
    }

    /** Backends show "postgres: [<cluster>: ]<user> <database> <client> ..." as their command line. */
    private double databaseSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine(p).startsWith("postgres: ") && commandLine(p).contains(" postgres " + database + " "))
                    .mapToDouble(p -> seconds(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS; // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
