package app.omnia.messaging;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.Member;

/** A conversation as one member sees it: their role, state and read position, the size and their unread count. */
public record ConversationView(Conversation conversation, Member me, int memberCount, long unreadCount) {}
