package app.omnia.bench;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receiving side, or a share of it ({@link ChatReceivers}): one streaming socket per account, subscribed to
 * {@code chat} at connection ({@code ?stream=chat}), read by a few threads ({@link LeanWebSockets}), reporting to a
 * {@link DeliverySink}. Each socket checks what it hears against its own history:
 * a message heard twice is a duplicate, an entry whose {@code seq} is not above the last one heard on that
 * socket arrived out of order (the server numbers each account's entries in commit order, and a recipient is
 * in one conversation here, so this is also the conversation's order).
 */
final class ChatSockets implements AutoCloseable {

    private final LeanWebSockets sockets;
    private final List<URI> streaming;
    private final DeliverySink sink;

    /** An account's socket goes to the server copy its index picks, in turn: {@code ports[index % copies]}. */
    ChatSockets(List<Integer> ports, DeliverySink sink) throws IOException {
        this.sockets = new LeanWebSockets(Integer.getInteger("bench.client-threads", 2));
        this.streaming = ports.stream()
                .map(port -> URI.create("ws://127.0.0.1:" + port + "/api/v1/streaming?stream=chat")).toList();
        this.sink = sink;
    }

    /** Opens a socket for each account, at most {@code parallel} handshakes at a time; answers the failures. */
    int connect(List<Long> accounts, int parallel) throws InterruptedException {
        Semaphore handshakes = new Semaphore(parallel);
        LongAdder failures = new LongAdder();
        try (ExecutorService opening = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long account : accounts) {
                handshakes.acquire();
                opening.execute(() -> {
                    try {
                        sockets.open(copyOf(account), BenchAccounts.token(account), new Receiver());
                    } catch (IOException refusedOrBroken) {
                        failures.increment();
                    } finally {
                        handshakes.release();
                    }
                });
            }
        }
        return failures.intValue();
    }

    private URI copyOf(long account) {
        return streaming.get((int) ((account - BenchAccounts.FIRST_ID) % streaming.size()));
    }

    int openSockets() {
        return sockets.openSockets();
    }

    @Override
    public void close() {
        sockets.close();
    }

    /** Messages of one socket come one at a time, from its reader thread, so no locking here. */
    private final class Receiver implements LeanWebSockets.Listener {

        private final Set<Integer> heard = new HashSet<>();
        private long lastSeq = -1;

        @Override
        public void onText(String message, long at) {
            if (!message.contains("\"event\":\"chat.message\"")) {
                return;
            }
            // The payload is the sync entry as an escaped JSON string: {\"seq\":7,... \"client_message_id\":\"m12\"
            long seq = number(message, "\\\"seq\\\":");
            int index = (int) number(message, "\\\"client_message_id\\\":\\\"m");
            if (!heard.add(index)) {
                sink.duplicate();
                return;
            }
            if (lastSeq >= 0 && seq <= lastSeq) {
                sink.reordered();
            } else if (lastSeq >= 0 && seq > lastSeq + 1) {
                sink.gap();
            }
            lastSeq = Math.max(lastSeq, seq);
            sink.heard(index, at);
        }

        private static long number(String text, String after) {
            int at = text.indexOf(after);
            if (at < 0) {
                return -1;
            }
            long value = 0;
            for (int i = at + after.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
