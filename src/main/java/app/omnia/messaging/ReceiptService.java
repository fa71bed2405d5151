package app.omnia.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.persistence.AllowFromSettings;
import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Messages;
import app.omnia.messaging.persistence.Rosters;
import app.omnia.platform.web.ApiException;

/**
 * Delivered and read receipts. A member's devices report how far they received ({@code delivered}) and read
 * ({@code read}); positions only move forward, and reading implies receiving. Who is told follows
 * {@link ConversationPolicy#showsReceipts}: the member's own devices always; in a direct conversation the
 * other person too when both share receipts. In a group the member's delivered and read positions go to their own
 * devices' sync log, and live (on the socket only, not stored: a stored copy per member and read would grow with the
 * square of the group) to the other members who share receipts, in groups up to
 * {@code omnia.chat.live-group-receipts-max-members}; anyone who missed it asks {@code GET .../receipts}.
 */
@Service
public class ReceiptService {

    /** One member's positions, or null positions when the viewer may not see them. */
    public record Receipt(long accountId, Long lastDeliveredId, Long lastReadId) {}

    private final Members members;
    private final Messages messages;
    private final ConversationAccess access;
    private final AllowFromSettings accountSettings;
    private final ChatEvents events;
    private final ChatLimits limits;
    private final Rosters rosters;
    private final ChatSettings settings;

    ReceiptService(Members members, Messages messages, ConversationAccess access, AllowFromSettings accountSettings,
                   ChatEvents events, ChatLimits limits, Rosters rosters, ChatSettings settings) {
        this.rosters = rosters;
        this.settings = settings;
        this.members = members;
        this.messages = messages;
        this.access = access;
        this.accountSettings = accountSettings;
        this.events = events;
        this.limits = limits;
    }

    /** A read receipt: everything up to this message was seen; answers the unread count left. */
    @Transactional
    public long markRead(long me, long conversationId, String lastReadId) {
        var a = access.require(me, conversationId);
        long messageId = messageOf(conversationId, lastReadId, "last_read_id");
        limits.hit(ChatLimits.Name.RECEIPTS, String.valueOf(me));
        if (members.markRead(conversationId, me, messageId)) {
            record(a.conversation().isGroup(), conversationId, me, ChatEventKind.READ, "last_read_id", messageId);
        }
        return members.unread(me, List.of(conversationId)).getOrDefault(conversationId, 0L);
    }

    /** A delivery receipt: the member's devices received everything up to this message. */
    @Transactional
    public long markDelivered(long me, long conversationId, String lastDeliveredId) {
        var a = access.require(me, conversationId);
        long messageId = messageOf(conversationId, lastDeliveredId, "last_delivered_id");
        limits.hit(ChatLimits.Name.RECEIPTS, String.valueOf(me));
        if (members.markDelivered(conversationId, me, messageId)) {
            record(a.conversation().isGroup(), conversationId, me, ChatEventKind.DELIVERED, "last_delivered_id", messageId);
        }
        return members.find(conversationId, me).map(Member::lastDeliveredId).orElse(messageId);
    }

    /** Every member's positions as the viewer may see them (bounded by the group size). */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(long me, long conversationId) {
        access.require(me, conversationId);
        List<Member> all = members.of(conversationId);
        Map<Long, Boolean> shares = accountSettings.receipts(all.stream().map(Member::accountId).toList());
        List<Receipt> shown = new ArrayList<>();
        for (Member m : all) {
            boolean visible = ConversationPolicy.showsReceipts(me, shares.get(me), m.accountId(), shares.get(m.accountId()));
            shown.add(visible ? new Receipt(m.accountId(), position(m.lastDeliveredId()), position(m.lastReadId()))
                    : new Receipt(m.accountId(), null, null));
        }
        return shown;
    }

    private void record(boolean group, long conversationId, long me, String type, String field, long messageId) {
        List<Long> audience = new ArrayList<>(List.of(me));
        if (!group) {
            List<Long> others = members.accountIds(conversationId).stream().filter(id -> id != me).toList();
            Map<Long, Boolean> shares = accountSettings.receipts(members.accountIds(conversationId));
            others.stream().filter(o -> ConversationPolicy.showsReceipts(o, shares.get(o), me, shares.get(me)))
                    .forEach(audience::add);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversation_id", String.valueOf(conversationId));
        payload.put("account_id", String.valueOf(me));
        payload.put(field, String.valueOf(messageId));
        events.record(conversationId, type, payload, audience);
        if (group) {
            events.pushLive(conversationId, type, payload, liveReaders(conversationId, me));
        }
    }

    /** The other members of a group who are shown this member's receipts, if the group is small enough. */
    private List<Long> liveReaders(long conversationId, long me) {
        List<Long> others = rosters.find(conversationId).map(Rosters.Roster::seats).orElse(List.of()).stream()
                .filter(s -> s.state() != MemberState.DECLINED).map(Rosters.Seat::accountId).toList();
        if (others.size() > settings.liveGroupReceiptsMaxMembers()) {
            return List.of();
        }
        Map<Long, Boolean> shares = accountSettings.receipts(others);
        return others.stream().filter(o -> o != me)
                .filter(o -> ConversationPolicy.showsReceipts(o, shares.get(o), me, shares.get(me))).toList();
    }

    private long messageOf(long conversationId, String text, String field) {
        long messageId;
        try {
            messageId = Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, text == null || text.isBlank() ? "ERR_BLANK" : "ERR_INVALID",
                    field + " must be the id of a message of this conversation");
        }
        if (messages.find(conversationId, messageId).isEmpty()) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must be the id of a message of this conversation");
        }
        return messageId;
    }

    private static Long position(long id) {
        return id == 0 ? null : id;
    }
}
