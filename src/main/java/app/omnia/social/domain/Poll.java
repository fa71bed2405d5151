package app.omnia.social.domain;

import java.time.Instant;
import java.util.List;

/** A poll as stored: the options in order, and when it ends. {@code closedAt} is set once its end was handled. */
public record Poll(long id, long statusId, long accountId, List<String> options, boolean multiple,
                   boolean hideTotals, Instant expiresAt, Instant closedAt, Instant createdAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
