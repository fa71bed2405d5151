package app.omnia.messaging.domain;

import java.time.Instant;

/**
 * A conversation: direct (two people, one per pair and encryption flag) or a named group with an optional avatar.
 * {@code lastActivityId}: the newest message's id, or the conversation's own until one is sent (ids are
 * time-sorted, so this orders conversations by last activity).
 */
public record Conversation(long id, Kind kind, String title, boolean encrypted, long createdBy, Instant createdAt,
                           Long avatarMediaId, long lastActivityId) {

    /** A new conversation: no avatar, and its creation is its last activity. */
    public Conversation(long id, Kind kind, String title, boolean encrypted, long createdBy, Instant createdAt) {
        this(id, kind, title, encrypted, createdBy, createdAt, null, id);
    }

    public enum Kind { DIRECT, GROUP }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    /** The unique key of a direct conversation between two accounts, whoever starts it. */
    public static String pairKey(long a, long b, boolean encrypted) {
        return Math.min(a, b) + ":" + Math.max(a, b) + (encrypted ? ":e" : "");
    }
}
