package app.omnia.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What an admin checked about an account. The kinds stay distinct on purpose, and none can be bought:
 * a paid subscription never makes an account verified.
 */
public enum VerificationKind {
    /** A person whose identity was checked. */
    IDENTITY,
    /** A registered organisation (company, association). */
    ORGANISATION,
    /** A government body or an official acting in that role. */
    GOVERNMENT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VerificationKind> fromKey(String key) {
        for (VerificationKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
