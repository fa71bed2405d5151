package app.omnia.messaging;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Message;
import app.omnia.messaging.domain.MessageContent;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.HiddenMessages;
import app.omnia.messaging.persistence.Inbox;
import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Messages;
import app.omnia.messaging.persistence.Reactions;
import app.omnia.messaging.persistence.Rosters;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;

/**
 * Sending (exactly once per client id, with images), editing and deleting for everyone, deleting for me,
 * reading, and a message as evidence for moderation.
 */
@Service
public class MessageService {

    private final Messages messages;
    private final Conversations conversations;
    private final Members members;
    private final ConversationAccess access;
    private final Reachability reachability;
    private final ChatEvents events;
    private final ChatMediaService media;
    private final MessageViews views;
    private final Reactions reactions;
    private final HiddenMessages hidden;
    private final ChatSettings settings;
    private final RateLimits rateLimits;
    private final ChatLimits chatLimits;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final MessageWriter writer;

    MessageService(Messages messages, Conversations conversations, Members members, ConversationAccess access, Reachability reachability,
                   ChatEvents events, ChatMediaService media, MessageViews views, Reactions reactions,
                   HiddenMessages hidden, ChatSettings settings, RateLimits rateLimits, ChatLimits chatLimits,
                   TransactionTemplate transactions, IdGenerator ids, Clock clock, MessageWriter writer) {
        this.messages = messages;
        this.conversations = conversations;
        this.members = members;
        this.access = access;
        this.reachability = reachability;
        this.events = events;
        this.media = media;
        this.views = views;
        this.reactions = reactions;
        this.hidden = hidden;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.chatLimits = chatLimits;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.writer = writer;
    }

    /**
     * Sends once: a resend with the same {@code client_message_id} (after a dropped connection, or racing the
     * first) answers the message already sent, and records nothing more: it does not count against the rate limits,
     * so a client retrying after a dropped connection is not punished. A plain send is checked here and stored by
     * the {@link MessageWriter} together with the others waiting; one with images, or that accepts a request or
     * brings the conversation back from someone's archive, in a transaction of its own (which finds a resend
     * before counting it).
     */
    public MessageJson send(long me, long conversationId, NewMessage message) {
        MessageContent.checkClientId(message.clientMessageId()).ifPresent(MessageService::refuse);
        var a = access.requireSeat(me, conversationId);
        if (plain(message, a)) {
            // No resend check up front (a query per send): the writer answers a resend with the message stored.
            MessageWriter.Outgoing send;
            try {
                send = check(me, conversationId, message, a.roster(), List.of());
            } catch (ApiException refused) {
                // A resend refused now (a block or a limit since the first send) still answers the message sent.
                return messages.findByClientId(me, conversationId, message.clientMessageId()).map(views::shared)
                        .orElseThrow(() -> refused);
            }
            MessageJson written = writer.write(send);
            if (!written.id().equals(String.valueOf(send.message().id()))) {
                // A resend: counted by the check (found only by the writer, to spare every send a query), so taken back.
                rateLimits.refund(RateLimits.Name.CHAT_MESSAGES_PER_ACCOUNT, String.valueOf(me));
                chatLimits.refund(ChatLimits.Name.CONVERSATION_MESSAGES, String.valueOf(conversationId));
            }
            return written;
        }
        try {
            return transactions.execute(status -> sendInTransaction(me, conversationId, message));
        } catch (DuplicateKeyException raced) {
            // H2 reports a concurrent twin's key instead of waiting for it as PostgreSQL does; it has committed.
            return messages.findByClientId(me, conversationId, message.clientMessageId()).map(views::shared)
                    .orElseThrow(() -> ApiException.conflict("A message with this client_message_id is being sent; retry shortly"));
        }
    }

    /** Nothing to do on the way but storing it: no images to attach, no request to accept, no archive to leave. */
    private static boolean plain(NewMessage message, ConversationAccess.Seated a) {
        return (message.mediaIds() == null || message.mediaIds().isEmpty()) && a.me().state() != MemberState.REQUEST
                && !a.roster().anyArchived();
    }

    private MessageJson sendInTransaction(long me, long conversationId, NewMessage message) {
        // The cached roster serves access, the audience, the muted and archived flags and the kind.
        var a = access.requireSeat(me, conversationId);
        Rosters.Roster roster = a.roster();
        var resent = messages.findByClientId(me, conversationId, message.clientMessageId());
        if (resent.isPresent()) {
            return views.shared(resent.get());
        }
        List<Long> mediaIds = media.parse(message.mediaIds());
        MessageWriter.Outgoing send = check(me, conversationId, message, roster, mediaIds);
        if (a.me().state() == MemberState.REQUEST) {
            // Replying to a request is accepting it.
            Memberships.accept(members, events, conversationId, me, a.me().role());
        }
        Message created = send.message();
        if (!messages.insert(created)) {
            // A twin committed while this one waited on the key: the twin is the message.
            return views.shared(messages.findByClientId(me, conversationId, message.clientMessageId()).orElseThrow());
        }
        media.attach(me, conversationId, created.id(), mediaIds);
        conversations.touch(conversationId, created.id());
        if (roster.anyArchived()) {
            members.unarchiveForMessage(conversationId, me);
        }
        MessageJson json = mediaIds.isEmpty() ? send.json() : views.justSent(created, true);
        events.record(conversationId, ChatEventKind.MESSAGE, json, send.audience(), send.flags());
        return json;
    }

    /** Every check a send passes before it is stored; answers the message, its audience and their flags. */
    private MessageWriter.Outgoing check(long me, long conversationId, NewMessage message, Rosters.Roster roster,
                                         List<Long> mediaIds) {
        MessageContent.check(roster.encrypted(), message.text(), message.ciphertext(),
                settings.maxMessageCharacters(), settings.maxCiphertextCharacters(), mediaIds.size())
                .ifPresent(MessageService::refuse);
        media.requireFree(me, mediaIds);
        if (message.replyToId() != null && messages.find(conversationId, message.replyToId()).isEmpty()) {
            throw ApiException.validation("reply_to_id", "ERR_INVALID", "reply_to_id is not a message of this conversation");
        }
        List<Rosters.Seat> listening = roster.seats().stream().filter(s -> s.state() != MemberState.DECLINED).toList();
        List<Long> audience = listening.stream().map(Rosters.Seat::accountId).toList();
        List<Long> others = audience.stream().filter(id -> id != me).toList();
        // Groups check blocks when people are added; a direct conversation, on every message (one query).
        boolean blocked = !roster.isGroup() && reachability.blockedEitherWay(me, others);
        if (!ConversationPolicy.canSend(roster.isGroup(), blocked)) {
            throw Reachability.blocked();
        }
        rateLimits.hit(RateLimits.Name.CHAT_MESSAGES_PER_ACCOUNT, String.valueOf(me));
        // All senders together: many accounts flooding one conversation stop here even if each stays under its own limit.
        chatLimits.hit(ChatLimits.Name.CONVERSATION_MESSAGES, String.valueOf(conversationId));
        Message created = new Message(ids.next(), conversationId, me, message.clientMessageId(), message.text(),
                message.ciphertext(), message.replyToId(), clock.instant(), null, null);
        Set<Long> muted = new HashSet<>();
        listening.stream().filter(Rosters.Seat::muted).forEach(s -> muted.add(s.accountId()));
        Set<Long> push = new HashSet<>(audience);
        push.remove(me);
        push.removeAll(muted);
        return new MessageWriter.Outgoing(created, audience, new Inbox.Flags(muted, push), views.justSent(created, false));
    }

    @Transactional
    public MessageJson edit(long me, long conversationId, long messageId, String text, String ciphertext) {
        var a = access.require(me, conversationId);
        Message message = messages.find(conversationId, messageId).orElseThrow(ApiException::notFound);
        int images = media.shownOn(List.of(messageId)).getOrDefault(messageId, List.of()).size();
        MessageContent.check(a.conversation().encrypted(), text, ciphertext, settings.maxMessageCharacters(),
                settings.maxCiphertextCharacters(), images).ifPresent(MessageService::refuse);
        if (!ConversationPolicy.canChange(message, me, clock.instant(), settings.editWindow())) {
            throw ApiException.forbidden("Only the sender may edit a message, within " + settings.editWindow().toMinutes()
                    + " minutes of sending it");
        }
        messages.edit(messageId, text, ciphertext, clock.instant());
        MessageJson edited = views.shared(messages.find(conversationId, messageId).orElseThrow());
        events.record(conversationId, ChatEventKind.MESSAGE_UPDATE, edited, members.accountIds(conversationId));
        return edited;
    }

    /** Delete for everyone: every member's devices drop the content, images and reactions; the id stays. */
    @Transactional
    public MessageJson delete(long me, long conversationId, long messageId) {
        access.require(me, conversationId);
        Message message = messages.find(conversationId, messageId).orElseThrow(ApiException::notFound);
        if (!ConversationPolicy.canChange(message, me, clock.instant(), settings.editWindow())) {
            throw ApiException.forbidden("Only the sender may delete a message for everyone, within "
                    + settings.editWindow().toMinutes() + " minutes of sending it");
        }
        messages.delete(messageId, clock.instant());
        media.deleteShownOn(messageId);
        reactions.removeAll(messageId);
        MessageJson deleted = views.shared(messages.find(conversationId, messageId).orElseThrow());
        events.record(conversationId, ChatEventKind.MESSAGE_DELETE, deleted, members.accountIds(conversationId));
        return deleted;
    }

    /**
     * Delete for me: the message leaves the caller's pages and unread count, and the caller's other devices
     * hear {@code chat.message.hide}; nobody else notices. Hiding twice records nothing more.
     */
    @Transactional
    public void hide(long me, long conversationId, long messageId) {
        access.require(me, conversationId);
        messages.find(conversationId, messageId).orElseThrow(ApiException::notFound);
        chatLimits.hit(ChatLimits.Name.RECEIPTS, String.valueOf(me));
        if (hidden.hide(me, conversationId, messageId)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversation_id", String.valueOf(conversationId));
            payload.put("message_id", String.valueOf(messageId));
            events.record(conversationId, ChatEventKind.MESSAGE_HIDE, payload, List.of(me));
        }
    }

    /** A page of messages the viewer has not deleted for themselves, newest first. */
    @Transactional(readOnly = true)
    public List<MessageJson> page(long me, long conversationId, PageRequest page) {
        access.require(me, conversationId);
        return views.forViewer(messages.page(conversationId, me, page), me);
    }

    /**
     * For moderation, in the report's transaction: the message as evidence, only when the reporter is (still) a
     * member of its conversation; empty otherwise, as if it did not exist. Encrypted messages give the fact, not
     * the ciphertext. Its images are held: deleting the message for everyone later keeps their original files.
     */
    @Transactional
    public Optional<MessageEvidence> evidence(long messageId, long reporterId) {
        if (messages.find(messageId)
                .filter(m -> ConversationPolicy.canSee(members.find(m.conversationId(), reporterId))).isEmpty()) {
            return Optional.empty();
        }
        // Held before the copy is read: a deletion for everyone racing this report either waits for it (and keeps
        // the files) or has committed, and the message read next shows as deleted.
        List<String> mediaFiles = media.holdAsEvidence(messageId);
        return messages.find(messageId)
                .map(m -> new MessageEvidence(m.id(), m.conversationId(), m.senderId(),
                        access.find(m.conversationId()).map(c -> c.encrypted()).orElse(m.ciphertext() != null),
                        m.text(), mediaFiles, m.createdAt(), m.editedAt(), m.deleted()));
    }

    static void refuse(MessageContent.Fault fault) {
        throw ApiException.validation(fault.field(), fault.code(), fault.message());
    }
}
