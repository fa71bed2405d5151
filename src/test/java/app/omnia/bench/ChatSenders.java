package app.omnia.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * The sending side: messages posted through the chat API at a fixed rate (open loop: each message has a due
 * time, and is posted then or as soon as one of {@code bench.senders} connections is free). Each carries a
 * {@code client_message_id} naming its ledger entry and its send time in the text.
 */
final class ChatSenders implements AutoCloseable {

    private static final int IN_FLIGHT = Integer.getInteger("bench.senders", 128);

    /** Who sends to which conversation: the message's conversation index and sender account. */
    record Send(int chat, long sender) {}

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final BenchServerProcess server;
    private final ChatCast cast;
    private final ChatLedger ledger;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    ChatSenders(BenchServerProcess server, ChatCast cast, ChatLedger ledger) {
        this.server = server;
        this.cast = cast;
        this.ledger = ledger;
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
            inFlight.acquire();
            Thread.ofVirtual().start(() -> {
                try {
                    ledger.posted(index, post(chat.id(), send.sender(), index), System.nanoTime());
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    private boolean post(long conversation, long sender, int index) {
        String body = "client_message_id=m" + index + "&text=sent+at+"
                + Instant.now().truncatedTo(ChronoUnit.MICROS).toString().replace(":", "%3A");
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/omnia/v1/chat/conversations/" + conversation
                        + "/messages")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + BenchAccounts.token(sender))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
