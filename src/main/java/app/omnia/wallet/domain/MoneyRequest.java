package app.omnia.wallet.domain;

import java.time.Instant;

/** A money request: {@code requesterId} asks {@code payerId} for {@code amount} minor units of {@code asset}. */
public record MoneyRequest(long id, long requesterId, long payerId, String asset, long amount, String note,
                           State state, Long entryId, Instant createdAt, Instant resolvedAt) {

    public enum State {
        PENDING, PAID, DECLINED, CANCELLED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
