package app.omnia.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.Message;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.Inbox;
import app.omnia.messaging.persistence.Messages;
import app.omnia.platform.persistence.GroupCommitWriter;
import app.omnia.platform.web.ApiException;

/**
 * Group commit ({@link GroupCommitWriter}) for plain sends (text or ciphertext, no images, nothing else to change
 * on the way): sends that passed their checks are stored with everything waiting in one transaction — the
 * messages, the conversations' last activity, and the events in every recipient's inbox with each account's
 * counter moved once for the batch. A resend answers the message already sent; a conversation's messages take
 * their numbers in the order they were queued. Correctness does not rest on the writer being alone: the
 * counters are locked in account order, so several copies (and the one-transaction path for other sends) may
 * write at once.
 *
 * <p>Settings: {@code omnia.chat.send-batch-max-size}, {@code omnia.chat.send-queue-capacity}. Metric:
 * {@code omnia.chat.send.batch.size} (sends per transaction).
 */
@Component
class MessageWriter extends GroupCommitWriter<MessageWriter.Outgoing, MessageJson> {

    /** A send that passed every check: the message, who gets it and how, and its JSON as answered. */
    record Outgoing(Message message, List<Long> audience, Inbox.Flags flags, MessageJson json) {}

    private final Messages messages;
    private final Conversations conversations;
    private final ChatEvents events;
    private final MessageViews views;
    private final TransactionTemplate transactions;
    private final DistributionSummary batchSizes;

    MessageWriter(ChatSettings settings, Messages messages, Conversations conversations, ChatEvents events,
                  MessageViews views, TransactionTemplate transactions, MeterRegistry meters) {
        super("chat-message-writer", settings.sendQueueCapacity(), settings.sendBatchMaxSize());
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
        try {
            return submit(send).join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    @Override
    protected List<MessageJson> applyBatch(List<Outgoing> sends) {
        return transactions.execute(status -> store(sends));
    }

    @Override
    protected void applied(int batchSize, long nanos) {
        batchSizes.record(batchSize);
    }

    @Override
    protected MessageJson failedAlone(Outgoing send, RuntimeException failed) {
        if (failed instanceof DuplicateKeyException) {
            // H2 reports a concurrent twin's key instead of waiting for it as PostgreSQL does; it has committed.
            Message m = send.message();
            return messages.findByClientId(m.senderId(), m.conversationId(), m.clientMessageId())
                    .map(views::shared).orElseThrow(this::busy);
        }
        return super.failedAlone(send, failed);
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
                .collect(Collectors.toMap(Message::conversationId, Message::id, Math::max)));
        events.recordAll(fresh.stream().map(s -> new ChatEvents.ToRecord(s.message().conversationId(),
                ChatEventKind.MESSAGE, s.json(), s.audience(), s.flags())).toList());
        return answers;
    }

    @Override
    protected ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "chat-unavailable", "Chat unavailable",
                "The message could not be stored; retry with the same client_message_id", List.of(),
                Map.of("retry_after", 1));
    }
}
