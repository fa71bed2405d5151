package app.omnia.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.messaging.persistence.Invites;
import app.omnia.messaging.persistence.Members;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.web.ApiException;

/**
 * Group invite links. An owner or admin creates a link (its token is shown once; only its SHA-256 is kept)
 * and may revoke it; anyone holding a live token joins as an active member, unless they and the group's
 * owner block each other, or the group is full.
 */
@Service
public class InviteService {

    /** A link as its group's managers see it; {@code token} only in the answer that created it. */
    public record InviteView(long id, long conversationId, long createdBy, Instant createdAt, Instant revokedAt,
                             String token) {}

    private final Invites invites;
    private final Members members;
    private final ConversationAccess access;
    private final Reachability reachability;
    private final ConversationService conversations;
    private final ChatEvents events;
    private final ChatSettings settings;
    private final ChatLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    InviteService(Invites invites, Members members, ConversationAccess access, Reachability reachability,
                  ConversationService conversations, ChatEvents events, ChatSettings settings, ChatLimits limits,
                  IdGenerator ids, Clock clock) {
        this.invites = invites;
        this.members = members;
        this.access = access;
        this.reachability = reachability;
        this.conversations = conversations;
        this.events = events;
        this.settings = settings;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public InviteView create(long me, long conversationId) {
        requireManager(me, conversationId);
        limits.hit(ChatLimits.Name.INVITES, String.valueOf(me));
        String token = Tokens.newSecret();
        long id = ids.next();
        Instant now = clock.instant();
        invites.insert(id, conversationId, Tokens.hash(token), me, now);
        return new InviteView(id, conversationId, me, now, null, token);
    }

    @Transactional(readOnly = true)
    public List<InviteView> list(long me, long conversationId) {
        requireManager(me, conversationId);
        return invites.of(conversationId).stream().map(InviteService::view).toList();
    }

    @Transactional
    public void revoke(long me, long conversationId, long inviteId) {
        requireManager(me, conversationId);
        Invites.Invite invite = invites.find(conversationId, inviteId).orElseThrow(ApiException::notFound);
        invites.revoke(invite.id(), clock.instant());
    }

    /** Joins the link's group; already a member: the group as it is. An unknown or revoked token is a 404. */
    @Transactional
    public ConversationView join(long me, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw ApiException.notFound();
        }
        Invites.Invite invite = invites.byTokenHash(Tokens.hash(token.trim())).orElseThrow(ApiException::notFound);
        Conversation group = access.find(invite.conversationId()).orElseThrow(ApiException::notFound);
        if (members.find(group.id(), me).isPresent()) {
            return conversations.get(me, group.id());
        }
        long owner = members.of(group.id()).stream().filter(m -> m.role() == Role.OWNER)
                .map(m -> m.accountId()).findFirst().orElse(group.createdBy());
        if (invite.revoked() || !group.isGroup()) {
            throw ApiException.notFound();
        }
        if (!ConversationPolicy.canJoinByInvite(group, invite.revoked(), reachability.blockedEitherWay(me, owner))) {
            throw Reachability.blocked();
        }
        limits.hit(ChatLimits.Name.JOINS, String.valueOf(me));
        List<Long> current = members.accountIds(group.id());
        if (!ConversationPolicy.hasRoomFor(current.size(), 1, settings.maxGroupMembers())) {
            // The same code as creating or adding past the limit; the field is the link's token, which names the group.
            throw ApiException.conflictOn("token", "ERR_TOO_MANY",
                    "The group is full (at most " + settings.maxGroupMembers() + " members)");
        }
        // Someone who declined the group's request joins it after all by following a link.
        members.rejoin(group.id(), me);
        members.add(group.id(), me, Role.MEMBER, MemberState.ACTIVE, clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversation_id", String.valueOf(group.id()));
        payload.put("account_ids", List.of(String.valueOf(me)));
        payload.put("by", String.valueOf(me));
        payload.put("invite_id", String.valueOf(invite.id()));
        events.record(group.id(), ChatEventKind.MEMBER_ADD, payload, members.accountIds(group.id()));
        return conversations.get(me, group.id());
    }

    private void requireManager(long me, long conversationId) {
        var a = access.require(me, conversationId);
        if (!ConversationPolicy.canManageGroup(a.conversation(), a.me())) {
            throw ApiException.forbidden("Only a group's owner and admins may manage its invite links");
        }
    }

    private static InviteView view(Invites.Invite i) {
        return new InviteView(i.id(), i.conversationId(), i.createdBy(), i.createdAt(), i.revokedAt(), null);
    }
}
