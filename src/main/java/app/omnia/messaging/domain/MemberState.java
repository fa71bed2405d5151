package app.omnia.messaging.domain;

import java.util.Locale;

/** {@code REQUEST}: someone the member does not follow started it, and the member has not accepted yet. */
public enum MemberState {
    ACTIVE, REQUEST;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
