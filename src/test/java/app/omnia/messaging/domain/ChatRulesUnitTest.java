package app.omnia.messaging.domain;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules added for media, reactions, keys, receipts and invites. */
class ChatRulesUnitTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anImageNeedsNoTextButEncryptedConversationsTakeNoPlaintextMedia() {
        assertThat(MessageContent.check(false, null, null, 100, 100, 1)).isEmpty();
        assertThat(MessageContent.check(false, null, null, 100, 100, 0)).get().extracting(MessageContent.Fault::field)
                .isEqualTo("text");
        assertThat(MessageContent.check(false, "x", null, 100, 100, 5)).get().extracting(MessageContent.Fault::field)
                .isEqualTo("media_ids");
        assertThat(MessageContent.check(true, null, "aGk=", 100, 100, 1)).get().extracting(MessageContent.Fault::field)
                .isEqualTo("media_ids");
        assertThat(MessageContent.check(true, null, "aGk=", 100, 100, 0)).isEmpty();
    }

    @Test
    void aReactionIsOneEmojiNotText() {
        assertThat(Emoji.check("👍")).isEmpty();
        assertThat(Emoji.check("❤️")).isEmpty();
        assertThat(Emoji.check("👍🏽")).as("skin tone").isEmpty();
        assertThat(Emoji.check("👩‍👩‍👧‍👦")).as("ZWJ family").isEmpty();
        assertThat(Emoji.check("🇫🇷")).as("flag").isEmpty();
        assertThat(Emoji.check("")).get().extracting(MessageContent.Fault::code).isEqualTo("ERR_BLANK");
        assertThat(Emoji.check("ok")).isPresent();
        assertThat(Emoji.check("👍 👍")).isPresent();
        assertThat(Emoji.check("👍1")).isPresent();
        assertThat(Emoji.check("😀".repeat(11))).isPresent();
        assertThat(Emoji.check("\u202E👍")).as("bidi override").isPresent();
    }

    @Test
    void keysAreBase64OfASaneSize() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(KeyMaterial.check("identity_key", key)).isEmpty();
        assertThat(KeyMaterial.check("identity_key", null)).get().extracting(MessageContent.Fault::code).isEqualTo("ERR_BLANK");
        assertThat(KeyMaterial.check("identity_key", "!!")).isPresent();
        assertThat(KeyMaterial.check("identity_key", Base64.getEncoder().encodeToString(new byte[8]))).isPresent();
        assertThat(KeyMaterial.check("identity_key", Base64.getEncoder().encodeToString(new byte[129]))).isPresent();
        assertThat(KeyMaterial.checkId("device_id", 0)).isPresent();
        assertThat(KeyMaterial.checkId("device_id", 1L + Integer.MAX_VALUE)).isPresent();
        assertThat(KeyMaterial.checkId("device_id", 1)).isEmpty();
    }

    @Test
    void receiptsAreSharedOnlyBothWays() {
        assertThat(ConversationPolicy.showsReceipts(1, false, 1, false)).as("one's own, always").isTrue();
        assertThat(ConversationPolicy.showsReceipts(1, true, 2, true)).isTrue();
        assertThat(ConversationPolicy.showsReceipts(1, true, 2, false)).isFalse();
        assertThat(ConversationPolicy.showsReceipts(1, false, 2, true)).as("off: you see nobody's").isFalse();
    }

    @Test
    void managersRunTheGroupAndInvitesRespectBlocks() {
        Conversation group = new Conversation(1, Conversation.Kind.GROUP, "g", false, 1, T0);
        Conversation direct = new Conversation(2, Conversation.Kind.DIRECT, null, false, 1, T0);
        Member admin = new Member(1, 2, Role.ADMIN, MemberState.ACTIVE, 0, T0);
        Member member = new Member(1, 3, Role.MEMBER, MemberState.ACTIVE, 0, T0);
        Member pendingAdmin = new Member(1, 4, Role.ADMIN, MemberState.REQUEST, 0, T0);
        assertThat(ConversationPolicy.canManageGroup(group, admin)).isTrue();
        assertThat(ConversationPolicy.canManageGroup(group, member)).isFalse();
        assertThat(ConversationPolicy.canManageGroup(group, pendingAdmin)).isFalse();
        assertThat(ConversationPolicy.canManageGroup(direct, admin)).isFalse();
        assertThat(ConversationPolicy.canJoinByInvite(group, false, false)).isTrue();
        assertThat(ConversationPolicy.canJoinByInvite(group, true, false)).isFalse();
        assertThat(ConversationPolicy.canJoinByInvite(group, false, true)).isFalse();
        assertThat(ConversationPolicy.canJoinByInvite(direct, false, false)).isFalse();
        assertThat(ConversationPolicy.hasRoomFor(1000, 1, 1000)).as("a full group takes nobody by link").isFalse();
    }
}
