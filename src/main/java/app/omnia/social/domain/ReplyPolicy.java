package app.omnia.social.domain;

import java.util.Locale;
import java.util.Optional;

/** Who may reply to a status: Omnia's reply controls, shown in the status JSON as {@code reply_policy}. */
public enum ReplyPolicy {
    /** Anyone who can see the status. */
    EVERYONE,
    /** Only the accounts the author follows (and the author). */
    FOLLOWING,
    /** Only the accounts mentioned in the status (and the author). */
    MENTIONED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReplyPolicy> fromKey(String key) {
        for (ReplyPolicy policy : values()) {
            if (policy.key().equals(key)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
