package app.omnia.messaging.domain;

import java.time.Instant;

/** One account's place in a conversation: role, whether it accepted, and how far it has read. */
public record Member(long conversationId, long accountId, Role role, MemberState state, long lastReadId,
                     Instant joinedAt) {}
