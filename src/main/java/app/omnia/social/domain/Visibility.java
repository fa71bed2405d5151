package app.omnia.social.domain;

import java.util.Locale;
import java.util.Optional;

/** Mastodon's four audiences for a status. */
public enum Visibility {
    /** Everyone, and listed on public timelines. */
    PUBLIC,
    /** Everyone who looks, but kept off public timelines. */
    UNLISTED,
    /** Followers and mentioned accounts only. */
    PRIVATE,
    /** Mentioned accounts only. */
    DIRECT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> fromKey(String key) {
        for (Visibility v : values()) {
            if (v.key().equals(key)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether a reblog may be made of a status with this visibility (Mastodon: public and unlisted only). */
    public boolean reblogable() {
        return this == PUBLIC || this == UNLISTED;
    }
}
