package app.omnia.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A chat benchmark load-generator process ({@code bench.load-processes}), started by {@link ChatLoadProcess}: it
 * holds a share of the receiving sockets ({@link ChatSockets}), since one process may not hold more descriptors
 * than the open-file limit. Arguments: the server copies' ports. It reads one command per line on its standard
 * input and answers each with an {@link #ANSWER} record, in order:
 * <ul>
 * <li>{@code connect <parallel> <account>,<account>,...}: opens their sockets; answers the failures;</li>
 * <li>{@code open}: answers how many of its sockets are open;</li>
 * <li>{@code clock}: answers its {@link System#nanoTime()}.</li>
 * </ul>
 * Its standard output carries binary records ({@link DataOutputStream}: a kind byte, then the kind's fields):
 * {@link #HEARD} (message index, receive time in nanoseconds), {@link #DUPLICATE}, {@link #REORDERED},
 * {@link #GAP}, {@link #ANSWER} (a long). Its sockets stamp receive times with {@code System.nanoTime()}: on Linux
 * that is CLOCK_MONOTONIC, one clock for the whole machine, so the benchmark compares them with its own send
 * times (and checks it, {@link ChatLoadProcess#checkClock()}). End of input: it closes its sockets and exits.
 */
public final class ChatLoadGenerator {

    static final byte HEARD = 1;
    static final byte DUPLICATE = 2;
    static final byte REORDERED = 3;
    static final byte GAP = 4;
    static final byte ANSWER = 5;

    private ChatLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Records records = new Records(new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16)));
        System.setOut(System.err); // standard output carries the records: anything printed goes to the log instead
        List<Integer> ports = Arrays.stream(args).map(Integer::valueOf).toList();
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        // Deliveries leave in batches (a write per record would cost a system call each); their times are
        // stamped on receipt, so the batching delays the benchmark's count of them, not their latency.
        flusher.scheduleWithFixedDelay(records::flush, 10, 10, TimeUnit.MILLISECONDS);
        try (ChatSockets sockets = new ChatSockets(ports, records);
             BufferedReader commands = new BufferedReader(new InputStreamReader(System.in))) {
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                String[] words = line.split(" ");
                records.answer(switch (words[0]) {
                    case "connect" -> sockets.connect(accounts(words.length > 2 ? words[2] : ""),
                            Integer.parseInt(words[1]));
                    case "open" -> sockets.openSockets();
                    case "clock" -> System.nanoTime();
                    default -> throw new IllegalArgumentException("Unknown command: " + line);
                });
            }
        } finally {
            flusher.shutdownNow();
            records.flush();
        }
    }

    private static List<Long> accounts(String list) {
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    /** The records on standard output; the sockets' listener threads write them, so one at a time. */
    private static final class Records implements DeliverySink {

        private final DataOutputStream out;

        Records(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void heard(int index, long atNanos) {
            try {
                out.writeByte(HEARD);
                out.writeInt(index);
                out.writeLong(atNanos);
            } catch (IOException benchmarkGone) {
                throw new UncheckedIOException(benchmarkGone);
            }
        }

        @Override
        public void duplicate() {
            kind(DUPLICATE);
        }

        @Override
        public void reordered() {
            kind(REORDERED);
        }

        @Override
        public void gap() {
            kind(GAP);
        }

        /** Flushed at once: the benchmark waits for it. */
        synchronized void answer(long value) throws IOException {
            out.writeByte(ANSWER);
            out.writeLong(value);
            out.flush();
        }

        private synchronized void kind(byte kind) {
            try {
                out.writeByte(kind);
            } catch (IOException benchmarkGone) {
                throw new UncheckedIOException(benchmarkGone);
            }
        }

        synchronized void flush() {
            try {
                out.flush();
            } catch (IOException benchmarkGone) {
                throw new UncheckedIOException(benchmarkGone);
            }
        }
    }
}
