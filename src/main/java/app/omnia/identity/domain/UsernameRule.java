package app.omnia.identity.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Mastodon's rules for local usernames: letters, digits and underscores, at most 30, some names reserved. */
public final class UsernameRule {

    public static final int MAX_LENGTH = 30;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_]+");
    // Names people would take for the staff or the server itself.
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "support", "help",
            "moderator", "mod", "staff", "security", "webmaster", "postmaster", "hostmaster", "abuse", "omnia",
            "system", "official", "api", "www", "about", "settings", "wallet", "verified");

    private UsernameRule() {
    }

    /** The problem with {@code username}, as a Mastodon error code, or empty when it is acceptable. */
    public static Optional<String> violation(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("ERR_BLANK");
        }
        if (username.length() > MAX_LENGTH) {
            return Optional.of("ERR_TOO_LONG");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("ERR_INVALID");
        }
        if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("ERR_RESERVED");
        }
        return Optional.empty();
    }
}
