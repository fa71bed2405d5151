package app.omnia.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * The sending side: messages posted through the chat API at a fixed rate (open loop: each message has a due
 * time, and is posted then or as soon as one of {@code bench.senders} connections is free). Each carries a
 * {@code client_message_id} naming its ledger entry and its send time in the text. The connections are plain
 * keep-alive HTTP/1.1 ({@link KeepAliveHttp}), JSON bodies: the load generator shares the two cores with the
 * server, and {@code java.net.http.HttpClient} took more than twice the CPU per post.
 */
final class ChatSenders implements AutoCloseable {

    private static final int IN_FLIGHT = Integer.getInteger("bench.senders", 128);

    /** Who sends to which conversation: the message's conversation index and sender account. */
    record Send(int chat, long sender) {}

    /** The idle connections: taking one is what limits the posts in flight. */
    private final BlockingQueue<KeepAliveHttp> idle = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final ChatCast cast;
    private final ChatLedger ledger;

    /**
     * The connections go to the server copies listening on {@code ports} in turn, as a load balancer would spread
     * them: with several copies, messages posted on one copy are heard on the others too.
     */
    ChatSenders(List<Integer> ports, ChatCast cast, ChatLedger ledger) {
        this.cast = cast;
        this.ledger = ledger;
        for (int i = 0; i < IN_FLIGHT; i++) {
            // A server that stops answering fails the post, not the whole run.
            idle.add(new KeepAliveHttp("127.0.0.1", ports.get(i % ports.size()), Duration.ofSeconds(30)));
        }
    }

    /**
     * Sends {@code count} messages at {@code rate} per second into the phase; {@code connected} says which
     * accounts (by index) hold a socket, i.e. who should hear each message. Returns once all are answered.
     */
    void send(ChatLedger.Phase phase, int count, double rate, java.util.function.IntFunction<Send> pick,
              IntPredicate connected) throws InterruptedException {
        long start = System.nanoTime();
        phase.firstDue = start;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Send send = pick.apply(i);
            ChatCast.Chat chat = cast.chats().get(send.chat());
            int recipients = 0;
            for (long member : chat.members()) {
                recipients += connected.test((int) (member - BenchAccounts.FIRST_ID)) ? 1 : 0;
            }
            int index = ledger.register(phase, due, recipients);
            KeepAliveHttp connection = idle.take();
            Thread.ofVirtual().start(() -> {
                try {
                    ledger.posted(index, post(connection, chat.id(), send.sender(), index), System.nanoTime());
                } finally {
                    idle.add(connection);
                }
            });
        }
        awaitAllIdle();
    }

    /** Every connection back in the queue: every post answered. */
    private void awaitAllIdle() throws InterruptedException {
        KeepAliveHttp[] all = new KeepAliveHttp[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = idle.take();
        }
        idle.addAll(List.of(all));
    }

    private static boolean post(KeepAliveHttp connection, long conversation, long sender, int index) {
        String json = "{\"client_message_id\":\"m" + index + "\",\"text\":\"sent at "
                + Instant.now().truncatedTo(ChronoUnit.MICROS) + "\"}";
        try {
            return connection.post("/api/omnia/v1/chat/conversations/" + conversation + "/messages",
                    BenchAccounts.token(sender), Map.of(), json) == 200;
        } catch (IOException e) {
            closeQuietly(connection); // its state is unknown: the next post opens a new one
            return false;
        }
    }

    private static void closeQuietly(KeepAliveHttp connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to release
        }
    }

    @Override
    public void close() {
        idle.forEach(ChatSenders::closeQuietly);
    }
}
