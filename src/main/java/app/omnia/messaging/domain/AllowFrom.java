package app.omnia.messaging.domain;

import java.util.Locale;
import java.util.Optional;

/** Who may start a conversation with an account (or add it to a group): an account's own setting. */
public enum AllowFrom {
    EVERYONE, FOLLOWED, NOBODY;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AllowFrom> parse(String text) {
        for (AllowFrom value : values()) {
            if (value.json().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
