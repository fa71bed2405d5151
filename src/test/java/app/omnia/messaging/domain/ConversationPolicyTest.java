package app.omnia.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.omnia.messaging.domain.ConversationPolicy.Reach;
import app.omnia.messaging.domain.ConversationPolicy.Ties;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationPolicyTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final Conversation group = new Conversation(1, Conversation.Kind.GROUP, "g", false, 10, T0);
    private final Conversation direct = new Conversation(2, Conversation.Kind.DIRECT, null, false, 10, T0);

    private static Member member(long account, Role role) {
        return new Member(1, account, role, MemberState.ACTIVE, 0, T0);
    }

    @Test
    void blocksWinThenTheRecipientsSettingThenRequestsForStrangers() {
        assertThat(ConversationPolicy.reach(new Ties(true, true, AllowFrom.EVERYONE))).isEqualTo(Reach.BLOCKED);
        assertThat(ConversationPolicy.reach(new Ties(false, true, AllowFrom.NOBODY))).isEqualTo(Reach.NOT_ACCEPTING);
        assertThat(ConversationPolicy.reach(new Ties(false, false, AllowFrom.FOLLOWED))).isEqualTo(Reach.NOT_ACCEPTING);
        assertThat(ConversationPolicy.reach(new Ties(false, true, AllowFrom.FOLLOWED))).isEqualTo(Reach.ACTIVE);
        assertThat(ConversationPolicy.reach(new Ties(false, false, AllowFrom.EVERYONE))).isEqualTo(Reach.REQUEST);
        assertThat(ConversationPolicy.reach(new Ties(false, true, AllowFrom.EVERYONE))).isEqualTo(Reach.ACTIVE);
    }

    @Test
    void onlyMembersSeeAConversation() {
        assertThat(ConversationPolicy.canSee(Optional.empty())).isFalse();
        assertThat(ConversationPolicy.canSee(Optional.of(member(3, Role.MEMBER)))).isTrue();
        assertThat(ConversationPolicy.canSee(Optional.of(new Member(1, 3, Role.MEMBER, MemberState.REQUEST, 0, T0))))
                .isTrue();
    }

    @Test
    void someoneWhoDeclinedARequestNoLongerSeesIt() {
        assertThat(ConversationPolicy.canSee(Optional.of(new Member(1, 3, Role.MEMBER, MemberState.DECLINED, 0, T0))))
                .isFalse();
        assertThat(MemberState.DECLINED.json()).as("the others still see a pending request").isEqualTo("request");
    }

    @Test
    void aBlockStopsADirectConversationButNotAGroup() {
        assertThat(ConversationPolicy.canSend(direct, member(3, Role.MEMBER), true)).isFalse();
        assertThat(ConversationPolicy.canSend(direct, member(3, Role.MEMBER), false)).isTrue();
        assertThat(ConversationPolicy.canSend(group, member(3, Role.MEMBER), true)).isTrue();
    }

    @Test
    void ownersAndAdminsManageGroupsWithinTheirRank() {
        Member owner = member(1, Role.OWNER);
        Member admin = member(2, Role.ADMIN);
        Member plain = member(3, Role.MEMBER);
        assertThat(ConversationPolicy.canAddMembers(group, admin)).isTrue();
        assertThat(ConversationPolicy.canAddMembers(group, plain)).isFalse();
        assertThat(ConversationPolicy.canAddMembers(direct, member(1, Role.MEMBER))).isFalse();
        assertThat(ConversationPolicy.canRemove(group, owner, admin)).isTrue();
        assertThat(ConversationPolicy.canRemove(group, admin, plain)).isTrue();
        assertThat(ConversationPolicy.canRemove(group, admin, owner)).isFalse();
        assertThat(ConversationPolicy.canRemove(group, admin, member(4, Role.ADMIN))).isFalse();
        assertThat(ConversationPolicy.canRemove(group, owner, owner)).isFalse();
        assertThat(ConversationPolicy.canSetRole(group, owner, plain, Role.ADMIN)).isTrue();
        assertThat(ConversationPolicy.canSetRole(group, owner, plain, Role.OWNER)).isFalse();
        assertThat(ConversationPolicy.canSetRole(group, admin, plain, Role.ADMIN)).isFalse();
        assertThat(ConversationPolicy.canLeave(direct)).isFalse();
    }

    @Test
    void groupsHaveAMaximumSize() {
        assertThat(ConversationPolicy.hasRoomFor(1, 999, 1000)).isTrue();
        assertThat(ConversationPolicy.hasRoomFor(1, 1000, 1000)).isFalse();
    }

    @Test
    void onlyTheSenderChangesAMessageAndOnlyWithinTheWindow() {
        Message sent = new Message(5, 1, 3, "c", "hi", null, null, T0, null, null);
        Duration window = Duration.ofMinutes(15);
        assertThat(ConversationPolicy.canChange(sent, 3, T0.plus(window), window)).isTrue();
        assertThat(ConversationPolicy.canChange(sent, 3, T0.plus(window).plusSeconds(1), window)).isFalse();
        assertThat(ConversationPolicy.canChange(sent, 4, T0, window)).isFalse();
        Message deleted = new Message(5, 1, 3, "c", null, null, null, T0, null, T0);
        assertThat(ConversationPolicy.canChange(deleted, 3, T0, window)).isFalse();
    }

    @Test
    void encryptedConversationsTakeOnlyBase64CiphertextAndOthersOnlyText() {
        assertThat(MessageContent.check(true, "plain", null, 10, 100)).get()
                .extracting(MessageContent.Fault::field).isEqualTo("text");
        assertThat(MessageContent.check(true, null, "not base64!", 10, 100)).get()
                .extracting(MessageContent.Fault::field).isEqualTo("ciphertext");
        assertThat(MessageContent.check(true, null, "aGVsbG8=", 10, 100)).isEmpty();
        assertThat(MessageContent.check(false, null, "aGVsbG8=", 10, 100)).get()
                .extracting(MessageContent.Fault::field).isEqualTo("ciphertext");
        assertThat(MessageContent.check(false, "x".repeat(11), null, 10, 100)).get()
                .extracting(MessageContent.Fault::code).isEqualTo("ERR_TOO_LONG");
        assertThat(MessageContent.check(false, "😀".repeat(10), null, 10, 100)).isEmpty();
        assertThat(MessageContent.checkClientId("a b")).isPresent();
        assertThat(MessageContent.checkClientId("x".repeat(65))).isPresent();
        assertThat(MessageContent.checkClientId("6f1c-22")).isEmpty();
    }
}
