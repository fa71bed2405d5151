package app.omnia.messaging.domain;

import java.time.Instant;

/**
 * One account's place in a conversation: role, whether it accepted, how far its devices received and it
 * read, and its own mute and archive flags (nobody else sees those).
 */
public record Member(long conversationId, long accountId, Role role, MemberState state, long lastReadId,
                     Instant joinedAt, long lastDeliveredId, boolean muted, boolean archived) {

    public Member(long conversationId, long accountId, Role role, MemberState state, long lastReadId,
                  Instant joinedAt) {
        this(conversationId, accountId, role, state, lastReadId, joinedAt, lastReadId, false, false);
    }
}
