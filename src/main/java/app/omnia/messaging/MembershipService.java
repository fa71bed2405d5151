package app.omnia.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.ConversationPolicy.Reach;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.messaging.persistence.Members;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;

/** A group's members: list, add, remove, change role, leave. */
@Service
public class MembershipService {

    private final Members members;
    private final ConversationAccess access;
    private final Reachability reachability;
    private final ChatEvents events;
    private final ChatSettings settings;
    private final RateLimits rateLimits;
    private final Clock clock;

    MembershipService(Members members, ConversationAccess access, Reachability reachability, ChatEvents events,
                      ChatSettings settings, RateLimits rateLimits, Clock clock) {
        this.members = members;
        this.access = access;
        this.reachability = reachability;
        this.events = events;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** Every member, oldest first; bounded by {@code omnia.chat.max-group-members}. */
    @Transactional(readOnly = true)
    public List<Member> list(long me, long conversationId) {
        access.require(me, conversationId);
        return members.of(conversationId);
    }

    /** Adds people (already members are skipped); each must be reachable, as when a conversation starts. */
    @Transactional
    public List<Member> add(long me, long conversationId, List<Long> accountIds) {
        var a = access.require(me, conversationId);
        if (accountIds.isEmpty()) {
            throw ApiException.validation("account_ids", "ERR_BLANK", "account_ids can't be blank");
        }
        if (!ConversationPolicy.canAddMembers(a.conversation(), a.me())) {
            throw ApiException.forbidden("Only a group's owner and admins may add members");
        }
        List<Long> current = members.accountIds(conversationId);
        List<Long> adding = new ArrayList<>(new LinkedHashSet<>(accountIds));
        adding.removeAll(current);
        if (!ConversationPolicy.hasRoomFor(current.size(), adding.size(), settings.maxGroupMembers())) {
            throw ApiException.validation("account_ids", "ERR_TOO_MANY",
                    "A group has at most " + settings.maxGroupMembers() + " members");
        }
        if (!adding.isEmpty()) {
            Map<Long, Reach> reach = reachability.require(me, adding, "account_ids");
            if (reach.containsValue(Reach.REQUEST)) {
                rateLimits.hit(RateLimits.Name.CHAT_STRANGERS_PER_ACCOUNT, String.valueOf(me));
            }
            reach.forEach((account, where) -> members.add(conversationId, account, Role.MEMBER,
                    where == Reach.REQUEST ? MemberState.REQUEST : MemberState.ACTIVE, clock.instant()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("conversation_id", String.valueOf(conversationId));
            payload.put("account_ids", adding.stream().map(String::valueOf).toList());
            payload.put("by", String.valueOf(me));
            events.record(conversationId, ChatEventKind.MEMBER_ADD, payload, members.accountIds(conversationId));
        }
        return members.of(conversationId);
    }

    @Transactional
    public void remove(long me, long conversationId, long accountId) {
        var a = access.require(me, conversationId);
        Member target = members.find(conversationId, accountId).orElseThrow(ApiException::notFound);
        if (!ConversationPolicy.canRemove(a.conversation(), a.me(), target)) {
            throw ApiException.forbidden("You may not remove this member");
        }
        removed(conversationId, accountId, me);
    }

    /** Leaving a group; an owner who leaves hands the group to the longest-standing admin, else member. */
    @Transactional
    public void leave(long me, long conversationId) {
        var a = access.require(me, conversationId);
        if (!ConversationPolicy.canLeave(a.conversation())) {
            throw ApiException.unprocessable("A direct conversation cannot be left");
        }
        if (a.me().role() == Role.OWNER) {
            List<Member> others = members.of(conversationId).stream().filter(m -> m.accountId() != me).toList();
            others.stream().filter(m -> m.role() == Role.ADMIN).findFirst()
                    .or(() -> others.stream().findFirst())
                    .ifPresent(heir -> setRoleAndRecord(conversationId, heir, Role.OWNER));
        }
        removed(conversationId, me, me);
    }

    @Transactional
    public Member setRole(long me, long conversationId, long accountId, String roleName) {
        Role role = Role.parse(roleName).filter(r -> r != Role.OWNER).orElseThrow(() ->
                ApiException.validation("role", "ERR_INVALID", "role must be admin or member"));
        var a = access.require(me, conversationId);
        Member target = members.find(conversationId, accountId).orElseThrow(ApiException::notFound);
        if (!ConversationPolicy.canSetRole(a.conversation(), a.me(), target, role)) {
            throw ApiException.forbidden("Only a group's owner may change roles");
        }
        setRoleAndRecord(conversationId, target, role);
        return members.find(conversationId, accountId).orElseThrow();
    }

    private void setRoleAndRecord(long conversationId, Member member, Role role) {
        members.setRole(conversationId, member.accountId(), role);
        events.record(conversationId, ChatEventKind.MEMBER_UPDATE,
                Memberships.change(conversationId, member.accountId(), role.json(), member.state().json()),
                members.accountIds(conversationId));
    }

    /** The removed member hears of it too (their devices drop the conversation), then stops hearing anything. */
    private void removed(long conversationId, long accountId, long by) {
        List<Long> audience = members.accountIds(conversationId);
        members.remove(conversationId, accountId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("conversation_id", String.valueOf(conversationId));
        payload.put("account_id", String.valueOf(accountId));
        payload.put("by", String.valueOf(by));
        events.record(conversationId, ChatEventKind.MEMBER_REMOVE, payload, audience);
    }
}
