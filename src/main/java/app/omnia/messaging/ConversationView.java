package app.omnia.messaging;

import java.util.List;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.Member;

/**
 * A conversation as one member sees it: their role, state, read position and own flags (muted, archived), the
 * size, their unread count, the group's avatar URL (null when none), the first few other members and the
 * newest message they can read (null when none).
 */
public record ConversationView(Conversation conversation, Member me, int memberCount, long unreadCount,
                               String avatarUrl, List<Long> otherAccountIds, MessageJson lastMessage) {}
