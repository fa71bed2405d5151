package app.omnia.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.messaging.persistence.Members;

/** Membership changes shared by several services, each recorded as an event for every member. */
final class Memberships {

    private Memberships() {
    }

    /** A request becomes an ordinary conversation for this member (by accepting, or by replying). */
    static void accept(Members members, ChatEvents events, long conversationId, Member member) {
        accept(members, events, conversationId, member.accountId(), member.role());
    }

    static void accept(Members members, ChatEvents events, long conversationId, long accountId, Role role) {
        members.setState(conversationId, accountId, MemberState.ACTIVE);
        events.record(conversationId, ChatEventKind.MEMBER_UPDATE,
                change(conversationId, accountId, role.json(), MemberState.ACTIVE.json()),
                members.accountIds(conversationId));
    }

    static Map<String, Object> change(long conversationId, long accountId, String role, String state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("conversation_id", String.valueOf(conversationId));
        json.put("account_id", String.valueOf(accountId));
        json.put("role", role);
        json.put("state", state);
        return json;
    }
}
