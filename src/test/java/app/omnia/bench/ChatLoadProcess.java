package app.omnia.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark's side of a {@link ChatLoadGenerator} process: starts it ({@link BenchJvm}, this build's classpath,
 * heap {@code bench.load-heap}, its log under target/bench/), sends it commands, and hands the deliveries it
 * reports to a {@link DeliverySink} (the ledger) as they come, from a reader thread of its own.
 */
final class ChatLoadProcess implements AutoCloseable {

    private static final String HEAP = System.getProperty("bench.load-heap", "2g");
    /** Sentinel answer: the process's output ended (it exited or broke). */
    private static final long ENDED = Long.MIN_VALUE;

    private final Process process;
    private final Path log;
    private final Writer commands;
    private final BlockingQueue<Long> answers = new LinkedBlockingQueue<>();

    private ChatLoadProcess(Process process, Path log, DeliverySink sink) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread.ofPlatform().daemon().name("chat-load-" + process.pid()).start(() -> read(sink));
    }

    /** Starts load process number {@code number} for sockets to these server ports, and waits until it answers. */
    static ChatLoadProcess start(int number, List<Integer> ports, DeliverySink sink) throws IOException,
            InterruptedException {
        // The records travel on standard output: the JVM's own warnings must go elsewhere.
        String threads = System.getProperty("bench.client-threads");
        List<String> command = BenchJvm.command(HEAP, "-XX:+DisplayVMOutputToStderr"
                + (threads == null ? "" : " -Dbench.client-threads=" + threads));
        command.addAll(BenchJvm.main(ChatLoadGenerator.class.getName(), ""));
        ports.forEach(port -> command.add(String.valueOf(port)));
        Path log = Path.of("target", "bench", "chat-load-" + number + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        ChatLoadProcess started = new ChatLoadProcess(process, log, sink);
        started.openSockets(); // its first answer: it is up (so its start-up does not count in the clock check)
        return started;
    }

    long pid() {
        return process.pid();
    }

    /** Asks it to open these accounts' sockets, {@code parallel} handshakes at a time; see {@link #connected()}. */
    void connect(List<Long> accounts, int parallel) throws IOException {
        command("connect " + parallel + " " + accounts.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    /** Waits for the answer to {@link #connect}: how many sockets failed to open. */
    int connected() throws IOException, InterruptedException {
        return Math.toIntExact(answer());
    }

    int openSockets() throws IOException, InterruptedException {
        command("open");
        return Math.toIntExact(answer());
    }

    /**
     * Checks that this process and the load process read the same monotonic clock ({@code System.nanoTime()} is
     * CLOCK_MONOTONIC on Linux, system-wide, but the JDK promises nothing across processes): its reading must fall
     * between two of ours taken around the question. Answers that window, in nanoseconds.
     */
    long checkClock() throws IOException, InterruptedException {
        long before = System.nanoTime();
        command("clock");
        long theirs = answer();
        long after = System.nanoTime();
        if (theirs < before || theirs > after) {
            throw new IllegalStateException("The load process's System.nanoTime() (" + theirs + ") is not between ours ("
                    + before + ", " + after + "): receive times from it cannot be compared with send times");
        }
        return after - before;
    }

    private void command(String line) throws IOException {
        commands.write(line);
        commands.write('\n');
        commands.flush();
    }

    private long answer() throws InterruptedException {
        Long answer = answers.poll(10, TimeUnit.MINUTES);
        if (answer == null || answer == ENDED) {
            throw new IllegalStateException("Load process " + pid() + " did not answer; see " + log.toAbsolutePath());
        }
        return answer;
    }

    private void read(DeliverySink sink) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16))) {
            while (true) {
                byte kind = in.readByte();
                switch (kind) {
                    case ChatLoadGenerator.HEARD -> sink.heard(in.readInt(), in.readLong());
                    case ChatLoadGenerator.DUPLICATE -> sink.duplicate();
                    case ChatLoadGenerator.REORDERED -> sink.reordered();
                    case ChatLoadGenerator.GAP -> sink.gap();
                    case ChatLoadGenerator.ANSWER -> answers.add(in.readLong());
                    default -> throw new IOException("Unknown record kind " + kind + " from load process " + pid());
                }
            }
        } catch (EOFException ended) {
            // it exited: close() ended its input, or it failed (its log says why)
        } catch (IOException e) {
            System.out.println("bench: load process " + pid() + ": " + e);
        } finally {
            answers.add(ENDED);
        }
    }

    /** Ends its input: it closes its sockets and exits (stopped the hard way if it does not). */
    @Override
    public void close() throws InterruptedException {
        try {
            commands.close();
        } catch (IOException alreadyGone) {
            // nothing to tell it any more
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            BenchJvm.stop(process);
        }
    }
}
