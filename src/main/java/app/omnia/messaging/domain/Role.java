package app.omnia.messaging.domain;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a group; members of a direct conversation are all plain members. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.json().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
