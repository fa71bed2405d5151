package app.omnia.messaging.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may do what in a conversation. Every chat path asks here; pure, so the caller looks up the
 * membership and relationships first. A conversation the viewer is not a member of does not exist for
 * them (404), so that ids reveal nothing.
 */
public final class ConversationPolicy {

    private ConversationPolicy() {
    }

    /** How a would-be recipient relates to the sender, as looked up by the caller. */
    public record Ties(boolean blockedEitherWay, boolean recipientFollowsSender, AllowFrom allowFrom) {}

    /** Where a new conversation (or group addition) lands for the recipient, or why it may not happen. */
    public enum Reach {
        ACTIVE, REQUEST, BLOCKED, NOT_ACCEPTING;

        public boolean allowed() {
            return this == ACTIVE || this == REQUEST;
        }
    }

    /**
     * Blocks win either way; then the recipient's own setting; someone the recipient does not follow lands
     * in their requests.
     */
    public static Reach reach(Ties ties) {
        if (ties.blockedEitherWay()) {
            return Reach.BLOCKED;
        }
        return switch (ties.allowFrom()) {
            case NOBODY -> Reach.NOT_ACCEPTING;
            case FOLLOWED -> ties.recipientFollowsSender() ? Reach.ACTIVE : Reach.NOT_ACCEPTING;
            case EVERYONE -> ties.recipientFollowsSender() ? Reach.ACTIVE : Reach.REQUEST;
        };
    }

    public static boolean canSee(Optional<Member> membership) {
        return membership.isPresent() && canSee(membership.get().state());
    }

    /** A member who declined the conversation no longer sees it. */
    public static boolean canSee(MemberState state) {
        return state != MemberState.DECLINED;
    }

    /**
     * In a direct conversation a block either way stops the conversation (in groups, blocks are checked
     * when people are added).
     */
    public static boolean canSend(Conversation conversation, Member sender, boolean blockedWithOtherMember) {
        return canSend(conversation.isGroup(), blockedWithOtherMember);
    }

    public static boolean canSend(boolean group, boolean blockedWithOtherMember) {
        return group || !blockedWithOtherMember;
    }

    public static boolean canAddMembers(Conversation conversation, Member actor) {
        return conversation.isGroup() && actor.state() == MemberState.ACTIVE && actor.role() != Role.MEMBER;
    }

    public static boolean canRename(Conversation conversation, Member actor) {
        return canAddMembers(conversation, actor);
    }

    /** The owner removes anyone; an admin removes plain members only; nobody removes themselves (they leave). */
    public static boolean canRemove(Conversation conversation, Member actor, Member target) {
        if (!conversation.isGroup() || actor.accountId() == target.accountId()) {
            return false;
        }
        return actor.role() == Role.OWNER || (actor.role() == Role.ADMIN && target.role() == Role.MEMBER);
    }

    /** Only the owner names admins, and ownership is not given away this way. */
    public static boolean canSetRole(Conversation conversation, Member actor, Member target, Role role) {
        return conversation.isGroup() && actor.role() == Role.OWNER && actor.accountId() != target.accountId()
                && role != Role.OWNER;
    }

    public static boolean canLeave(Conversation conversation) {
        return conversation.isGroup();
    }

    public static boolean hasRoomFor(int currentMembers, int adding, int maxMembers) {
        return currentMembers + adding <= maxMembers;
    }

    /** Edit and delete for everyone: the sender's own, not yet deleted, within the window after sending. */
    public static boolean canChange(Message message, long actorId, Instant now, Duration window) {
        return message.senderId() == actorId && !message.deleted() && !now.isAfter(message.createdAt().plus(window));
    }

    /** A group's avatar and invite links: its owner and admins who have accepted it. */
    public static boolean canManageGroup(Conversation conversation, Member actor) {
        return canAddMembers(conversation, actor);
    }

    /**
     * Whether {@code viewer} is shown {@code member}'s delivered and read positions: always their own; someone
     * else's only when both share receipts (as WhatsApp: turning receipts off hides others' from you too).
     */
    public static boolean showsReceipts(long viewerId, boolean viewerShares, long memberId, boolean memberShares) {
        return viewerId == memberId || (viewerShares && memberShares);
    }

    /** Joining a group through its link: a live link, no block with the group's owner, and room left. */
    public static boolean canJoinByInvite(Conversation conversation, boolean linkRevoked, boolean blockedWithOwner) {
        return conversation.isGroup() && !linkRevoked && !blockedWithOwner;
    }
}
