package app.omnia.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.Message;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.Inbox;
import app.omnia.messaging.persistence.Messages;
import app.omnia.platform.web.ApiException;

/**
 * Group commit for plain sends (text or ciphertext, no images, nothing else to change on the way), as the
 * wallet's ledger writer does for transfers: sends that passed their checks queue up, and one writer thread per
 * server copy stores everything waiting in one transaction — the messages, the conversations' last activity,
 * and the events in every recipient's inbox with each account's counter moved once for the batch. The busier
 * the chat, the bigger the batches, and the commit and the round trips are shared. Each send keeps its own
 * outcome (a resend answers the message already sent); a conversation's messages take their numbers in the
 * order they were queued. A batch that fails is retried one send per transaction, so one bad send cannot sink
 * the others. Correctness does not rest on the writer being alone: the counters are locked in account order,
 * so several copies (and the one-transaction path for other sends) may write at once.
 *
 * <p>Settings: {@code omnia.chat.send-batch-max-size}, {@code omnia.chat.send-queue-capacity}. Metric:
 * {@code omnia.chat.send.batch.size} (sends per transaction).
 */
@Component
class MessageWriter implements SmartLifecycle {

    /** A send that passed every check: the message, who gets it and how, and its JSON as answered. */
    record Outgoing(Message message, List<Long> audience, Inbox.Flags flags, MessageJson json) {}

    private record Pending(Outgoing send, CompletableFuture<MessageJson> result) {}

    private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);
    private final ArrayBlockingQueue<Pending> queue;
    private final int batchMaxSize;
    private final Messages messages;
    private final Conversations conversations;
    private final ChatEvents events;
    private final MessageViews views;
    private final TransactionTemplate transactions;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private Thread thread;

    MessageWriter(ChatSettings settings, Messages messages, Conversations conversations, ChatEvents events,
                  MessageViews views, TransactionTemplate transactions, MeterRegistry meters) {
        // A full queue refuses a send at once (503) rather than letting the wait grow without bound.
        this.queue = new ArrayBlockingQueue<>(settings.sendQueueCapacity());
        this.batchMaxSize = settings.sendBatchMaxSize();
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
        this.views = views;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder("omnia.chat.send.batch.size")
                .description("Chat sends stored per transaction").publishPercentileHistogram().register(meters);
    }

    /** Stores the send with others waiting, and answers once it is committed (or what a resend found). */
    MessageJson write(Outgoing send) {
        Pending pending = new Pending(send, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw busy();
        }
        try {
            return pending.result().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                continue;
            }
            List<Pending> pending = new ArrayList<>(Math.min(batchMaxSize, queue.size() + 1));
            pending.add(first);
            queue.drainTo(pending, batchMaxSize - 1);
            process(pending);
        }
    }

    private void process(List<Pending> pending) {
        List<MessageJson> results;
        try {
            results = transactions.execute(status -> store(pending.stream().map(Pending::send).toList()));
            batchSizes.record(pending.size());
        } catch (RuntimeException failed) {
            if (pending.size() > 1) {
                // One send's failure (a twin's key on H2, a deadlock with another copy) must not sink the others.
                log.warn("Chat send batch of {} failed ({}); storing its sends one by one", pending.size(), failed.toString());
                pending.forEach(p -> process(List.of(p)));
            } else if (failed instanceof DuplicateKeyException) {
                // H2 reports a concurrent twin's key instead of waiting for it as PostgreSQL does; it has committed.
                Message m = pending.getFirst().send().message();
                pending.getFirst().result().complete(messages.findByClientId(m.senderId(), m.conversationId(),
                        m.clientMessageId()).map(views::shared).orElseThrow(MessageWriter::busy));
            } else {
                log.error("Chat send failed", failed);
                pending.getFirst().result().completeExceptionally(busy());
            }
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).result().complete(results.get(i));
        }
    }

    /** In one transaction: the messages, the conversations' last activity, the inbox entries; answers in order. */
    List<MessageJson> store(List<Outgoing> sends) {
        boolean[] inserted = messages.insertAll(sends.stream().map(Outgoing::message).toList());
        List<Outgoing> fresh = new ArrayList<>();
        List<MessageJson> answers = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Message m = sends.get(i).message();
            if (inserted[i]) {
                fresh.add(sends.get(i));
                answers.add(sends.get(i).json());
            } else {
                // A resend (or a twin in this very batch): the message already stored is the answer.
                answers.add(views.shared(messages.findByClientId(m.senderId(), m.conversationId(), m.clientMessageId())
                        .orElseThrow()));
            }
        }
        conversations.touchAll(fresh.stream().map(Outgoing::message)
                .collect(java.util.stream.Collectors.toMap(Message::conversationId, Message::id, Math::max)));
        events.recordAll(fresh.stream().map(s -> new ChatEvents.ToRecord(s.message().conversationId(),
                ChatEventKind.MESSAGE, s.json(), s.audience(), s.flags())).toList());
        return answers;
    }

    static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "chat-unavailable", "Chat unavailable",
                "The message could not be stored; retry with the same client_message_id", List.of(),
                Map.of("retry_after", 1));
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("chat-message-writer").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts before the web server and stops after it, so requests finishing a graceful shutdown still send. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
