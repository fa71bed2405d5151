package app.omnia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the CPU went during a measurement (Linux): the server process, this JVM (the load generator),
 * PostgreSQL's processes (every database: other work on the machine counts too) and the whole machine, so that
 * a benchmark can say which side is the bottleneck on a machine where they all share a few cores.
 */
final class CpuMeter {

    private final long serverPid;
    private final long machineBusyTicks;
    private final Duration server;
    private final Duration generator;
    private final Map<Long, Duration> postgres;
    private final long startedNanos = System.nanoTime();

    private CpuMeter(long serverPid) {
        this.serverPid = serverPid;
        this.machineBusyTicks = machineBusyTicks();
        this.server = cpu(serverPid);
        this.generator = cpu(ProcessHandle.current().pid());
        this.postgres = postgresProcesses();
    }

    static CpuMeter start(long serverPid) {
        return new CpuMeter(serverPid);
    }

    /** CPU seconds per second of wall time since the start, per side, e.g. "server 1.10 cores, ...". */
    String summary() {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        double serverCores = seconds(cpu(serverPid).minus(server)) / wall;
        double generatorCores = seconds(cpu(ProcessHandle.current().pid()).minus(generator)) / wall;
        double postgresSeconds = 0;
        for (Map.Entry<Long, Duration> now : postgresProcesses().entrySet()) {
            postgresSeconds += seconds(now.getValue().minus(postgres.getOrDefault(now.getKey(), Duration.ZERO)));
        }
        double machineCores = (machineBusyTicks() - machineBusyTicks) / 100.0 / wall; // USER_HZ is 100 on Linux
        return String.format("server %.2f cores, load generator %.2f, PostgreSQL %.2f, whole machine %.2f of %d",
                serverCores, generatorCores, postgresSeconds / wall, machineCores,
                Runtime.getRuntime().availableProcessors());
    }

    /** The machine's 1, 5 and 15-minute load averages, e.g. "3.10 2.50 1.20". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static Map<Long, Duration> postgresProcesses() {
        Map<Long, Duration> cpu = new HashMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(p -> p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d)));
        return cpu;
    }

    /** Non-idle ticks of all CPUs since boot, from /proc/stat's first line. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < fields.length; i++) { // 9 and 10 (guest) are already in user time
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
