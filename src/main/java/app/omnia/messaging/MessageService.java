package app.omnia.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Message;
import app.omnia.messaging.domain.MessageContent;
import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Messages;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;

/** Sending (exactly once per client id), editing and deleting for everyone, reading, read receipts. */
@Service
public class MessageService {

    private final Messages messages;
    private final Members members;
    private final ConversationAccess access;
    private final Reachability reachability;
    private final ChatEvents events;
    private final ChatSettings settings;
    private final RateLimits rateLimits;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;

    MessageService(Messages messages, Members members, ConversationAccess access, Reachability reachability,
                   ChatEvents events, ChatSettings settings, RateLimits rateLimits, TransactionTemplate transactions,
                   IdGenerator ids, Clock clock) {
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.reachability = reachability;
        this.events = events;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Sends once: a resend with the same {@code client_message_id} (after a dropped connection, or racing the
     * first) answers the message already sent, and records nothing more.
     */
    public Message send(long me, long conversationId, NewMessage message) {
        MessageContent.checkClientId(message.clientMessageId()).ifPresent(MessageService::refuse);
        try {
            return transactions.execute(status -> sendInTransaction(me, conversationId, message));
        } catch (DuplicateKeyException raced) {
            // H2 reports a concurrent twin's key instead of waiting for it as PostgreSQL does; it has committed.
            return messages.findByClientId(me, conversationId, message.clientMessageId()).orElseThrow(() ->
                    ApiException.conflict("A message with this client_message_id is being sent; retry shortly"));
        }
    }

    private Message sendInTransaction(long me, long conversationId, NewMessage message) {
        var a = access.require(me, conversationId);
        var resent = messages.findByClientId(me, conversationId, message.clientMessageId());
        if (resent.isPresent()) {
            return resent.get();
        }
        MessageContent.check(a.conversation().encrypted(), message.text(), message.ciphertext(),
                settings.maxMessageCharacters(), settings.maxCiphertextCharacters()).ifPresent(MessageService::refuse);
        if (message.replyToId() != null && messages.find(conversationId, message.replyToId()).isEmpty()) {
            throw ApiException.validation("reply_to_id", "ERR_INVALID", "reply_to_id is not a message of this conversation");
        }
        List<Long> audience = members.accountIds(conversationId);
        boolean blocked = !a.conversation().isGroup() && audience.stream()
                .filter(id -> id != me).anyMatch(other -> reachability.blockedEitherWay(me, other));
        if (!ConversationPolicy.canSend(a.conversation(), a.me(), blocked)) {
            throw Reachability.blocked();
        }
        rateLimits.hit(RateLimits.Name.CHAT_MESSAGES_PER_ACCOUNT, String.valueOf(me));
        if (a.me().state() == MemberState.REQUEST) {
            // Replying to a request is accepting it.
            Memberships.accept(members, events, conversationId, a.me());
        }
        Message created = new Message(ids.next(), conversationId, me, message.clientMessageId(), message.text(),
                message.ciphertext(), message.replyToId(), clock.instant(), null, null);
        if (!messages.insert(created)) {
            // A twin committed while this one waited on the key: the twin is the message.
            return messages.findByClientId(me, conversationId, message.clientMessageId()).orElseThrow();
        }
        events.record(conversationId, ChatEventKind.MESSAGE, MessageJson.of(created), audience);
        return created;
    }

    @Transactional
    public Message edit(long me, long conversationId, long messageId, String text, String ciphertext) {
        var a = access.require(me, conversationId);
        Message message = messages.find(conversationId, messageId).orElseThrow(ApiException::notFound);
        MessageContent.check(a.conversation().encrypted(), text, ciphertext, settings.maxMessageCharacters(),
                settings.maxCiphertextCharacters()).ifPresent(MessageService::refuse);
        if (!ConversationPolicy.canChange(message, me, clock.instant(), settings.editWindow())) {
            throw ApiException.forbidden("Only the sender may edit a message, within " + settings.editWindow().toMinutes()
                    + " minutes of sending it");
        }
        messages.edit(messageId, text, ciphertext, clock.instant());
        Message edited = messages.find(conversationId, messageId).orElseThrow();
        events.record(conversationId, ChatEventKind.MESSAGE_UPDATE, MessageJson.of(edited), members.accountIds(conversationId));
        return edited;
    }

    /** Delete for everyone: every member's devices drop the content; the id stays for replies and resends. */
    @Transactional
    public Message delete(long me, long conversationId, long messageId) {
        access.require(me, conversationId);
        Message message = messages.find(conversationId, messageId).orElseThrow(ApiException::notFound);
        if (!ConversationPolicy.canChange(message, me, clock.instant(), settings.editWindow())) {
            throw ApiException.forbidden("Only the sender may delete a message for everyone, within "
                    + settings.editWindow().toMinutes() + " minutes of sending it");
        }
        messages.delete(messageId, clock.instant());
        Message deleted = messages.find(conversationId, messageId).orElseThrow();
        events.record(conversationId, ChatEventKind.MESSAGE_DELETE, MessageJson.of(deleted), members.accountIds(conversationId));
        return deleted;
    }

    @Transactional(readOnly = true)
    public List<Message> page(long me, long conversationId, PageRequest page) {
        access.require(me, conversationId);
        return messages.page(conversationId, page);
    }

    /**
     * A read receipt: the member has seen everything up to this message. Only forward moves are recorded;
     * the reader's other devices hear of it, and in a direct conversation the other person too (in groups,
     * telling every member about every read would grow with the square of the group).
     */
    @Transactional
    public long markRead(long me, long conversationId, String lastReadId) {
        var a = access.require(me, conversationId);
        long messageId;
        try {
            messageId = Long.parseLong(lastReadId == null ? "" : lastReadId.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("last_read_id", lastReadId == null || lastReadId.isBlank() ? "ERR_BLANK"
                    : "ERR_INVALID", "last_read_id must be the id of a message of this conversation");
        }
        if (messages.find(conversationId, messageId).isEmpty()) {
            throw ApiException.validation("last_read_id", "ERR_INVALID",
                    "last_read_id must be the id of a message of this conversation");
        }
        if (members.markRead(conversationId, me, messageId)) {
            List<Long> audience = a.conversation().isGroup() ? List.of(me) : members.accountIds(conversationId);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversation_id", String.valueOf(conversationId));
            payload.put("account_id", String.valueOf(me));
            payload.put("last_read_id", String.valueOf(messageId));
            events.record(conversationId, ChatEventKind.READ, payload, audience);
        }
        return members.unread(me, List.of(conversationId)).getOrDefault(conversationId, 0L);
    }

    /**
     * A message as evidence for a report by a member of its conversation (404 for anyone else, for a message not
     * in it, and for one already deleted for everyone).
     */
    @Transactional(readOnly = true)
    public MessageEvidence evidence(long reporter, long conversationId, long messageId) {
        var a = access.require(reporter, conversationId);
        Message message = messages.find(conversationId, messageId).filter(m -> !m.deleted())
                .orElseThrow(ApiException::notFound);
        return new MessageEvidence(message.id(), conversationId, message.senderId(), message.text(),
                a.conversation().encrypted(), message.createdAt());
    }

    private static void refuse(MessageContent.Fault fault) {
        throw ApiException.validation(fault.field(), fault.code(), fault.message());
    }
}
