package app.omnia.messaging.domain;

import java.time.Instant;

/** A conversation: direct (two people, one per pair and encryption flag) or a named group with an optional avatar. */
public record Conversation(long id, Kind kind, String title, boolean encrypted, long createdBy, Instant createdAt,
                           Long avatarMediaId) {

    public Conversation(long id, Kind kind, String title, boolean encrypted, long createdBy, Instant createdAt) {
        this(id, kind, title, encrypted, createdBy, createdAt, null);
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
