package app.omnia.identity;

import java.util.Locale;

/** Staff roles. Moderators act on content and accounts; admins also on roles, verifications and settings. */
public enum Role {
    USER, MODERATOR, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
