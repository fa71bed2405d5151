package app.omnia.messaging.domain;

import java.util.Locale;

/**
 * {@code REQUEST}: someone the member does not follow started it, and the member has not accepted yet.
 * {@code DECLINED}: the member declined the request; the conversation is gone for them, and the others are
 * not told, so the others still see the member as a pending request.
 */
public enum MemberState {
    ACTIVE, REQUEST, DECLINED;

    /** As others see it: a declined request still looks pending (the sender is not told). */
    public String json() {
        return (this == DECLINED ? REQUEST : this).name().toLowerCase(Locale.ROOT);
    }

    /** As stored. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
