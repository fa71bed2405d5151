package app.omnia.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.persistence.Members;

/**
 * A member's own mute and archive flags; nobody else sees them. Muted: messages still count as unread and
 * still arrive, flagged {@code muted} and never {@code push}. Archived: out of the default conversation list
 * ({@code ?archived=true} lists them) until a new message arrives, unless the member also muted the
 * conversation (see {@link Members#unarchiveForMessage}). The member's other devices hear
 * {@code chat.member.flags}.
 */
@Service
public class MemberFlagsService {

    private final Members members;
    private final ConversationAccess access;
    private final ChatEvents events;
    private final ChatLimits limits;

    MemberFlagsService(Members members, ConversationAccess access, ChatEvents events, ChatLimits limits) {
        this.members = members;
        this.access = access;
        this.events = events;
        this.limits = limits;
    }

    @Transactional
    public void setMuted(long me, long conversationId, boolean muted) {
        var a = access.require(me, conversationId);
        limits.hit(ChatLimits.Name.RECEIPTS, String.valueOf(me));
        if (a.me().muted() != muted) {
            members.setMuted(conversationId, me, muted);
            record(conversationId, me);
        }
    }

    @Transactional
    public void setArchived(long me, long conversationId, boolean archived) {
        var a = access.require(me, conversationId);
        limits.hit(ChatLimits.Name.RECEIPTS, String.valueOf(me));
        if (a.me().archived() != archived) {
            members.setArchived(conversationId, me, archived);
            record(conversationId, me);
        }
    }

    private void record(long conversationId, long me) {
        var now = access.member(conversationId, me);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversation_id", String.valueOf(conversationId));
        payload.put("muted", now.muted());
        payload.put("archived", now.archived());
        events.record(conversationId, ChatEventKind.MEMBER_FLAGS, payload, List.of(me));
    }
}
