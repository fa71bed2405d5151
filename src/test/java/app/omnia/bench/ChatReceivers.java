package app.omnia.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every receiving socket of the chat benchmark, spread over {@code processes} processes, as one process may not
 * hold more descriptors than the open-file limit: account index {@code i} goes to process {@code i % processes},
 * the first share to this JVM ({@link ChatSockets}, reporting straight to the ledger), the others to load-generator
 * processes ({@link ChatLoadProcess}). Within each, a socket goes to server copy {@code i % copies}.
 */
final class ChatReceivers implements AutoCloseable {

    private final ChatSockets local;
    private final List<ChatLoadProcess> others = new ArrayList<>();
    /** The widest window of the clock checks, in nanoseconds. */
    private long clockWindow;

    ChatReceivers(List<Integer> ports, ChatLedger ledger, int processes) throws Exception {
        if (processes < 1) {
            throw new IllegalArgumentException("bench.load-processes must be at least 1");
        }
        local = new ChatSockets(ports, ledger);
        try {
            for (int i = 1; i < processes; i++) {
                ChatLoadProcess other = ChatLoadProcess.start(i, ports, ledger);
                others.add(other);
                clockWindow = Math.max(clockWindow, other.checkClock());
            }
        } catch (Exception | Error failed) {
            close();
            throw failed;
        }
    }

    /** Opens a socket for each account, {@code parallel} handshakes at a time per process; answers the failures. */
    int connect(List<Long> accounts, int parallel) throws IOException, InterruptedException {
        List<List<Long>> shares = new ArrayList<>();
        for (int i = 0; i <= others.size(); i++) {
            shares.add(new ArrayList<>());
        }
        for (long account : accounts) {
            shares.get((int) ((account - BenchAccounts.FIRST_ID) % shares.size())).add(account);
        }
        for (int i = 0; i < others.size(); i++) {
            others.get(i).connect(shares.get(i + 1), parallel);
        }
        int failed = local.connect(shares.getFirst(), parallel);
        for (ChatLoadProcess other : others) {
            failed += other.connected();
        }
        return failed;
    }

    int openSockets() throws IOException, InterruptedException {
        int open = local.openSockets();
        for (ChatLoadProcess other : others) {
            open += other.openSockets();
        }
        return open;
    }

    /** This JVM and the load processes: the load generator's CPU is theirs together. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        others.forEach(other -> pids.add(other.pid()));
        return pids;
    }

    int processes() {
        return others.size() + 1;
    }

    /** How closely the load processes' clocks were checked against this one's (0 with none). */
    long clockWindowNanos() {
        return clockWindow;
    }

    @Override
    public void close() throws InterruptedException {
        local.close();
        for (ChatLoadProcess other : others) {
            other.close();
        }
    }
}
