package app.omnia.wallet;

import java.time.Instant;

/**
 * A top-up (money pulled from a card into the wallet) or a withdrawal (pushed from the wallet to a card).
 *
 * <p>Top-up: {@code pending} (sent to the network, or no answer yet) → {@code succeeded} (captured and
 * credited) or {@code failed}; a challenge puts it in {@code requires_action} first; a succeeded top-up the
 * card's issuer takes back at settlement becomes {@code reversed} (its money taken back from the wallet).
 * Withdrawal: {@code requires_confirmation} (large amounts) → {@code created} → {@code pending} (debited into
 * suspense, push sent) → {@code processing} (accepted by the network) → {@code succeeded} (paid out) or
 * {@code reversed} (sent back by the card's bank: money returned); {@code failed} when refused or declined
 * (money returned if it had left), {@code cancelled} when a large withdrawal was not confirmed.
 */
public record CardOperation(long id, long accountId, long cardId, String kind, long amount, String asset,
                            String status, String failureCode, String challengeId, Long confirmationId,
                            Instant createdAt, Instant updatedAt, Instant settledAt) {

    public static final String TOP_UP = "topup";
    public static final String WITHDRAWAL = "withdrawal";

    public static final String REQUIRES_CONFIRMATION = "requires_confirmation";
    public static final String CREATED = "created";
    public static final String REQUIRES_ACTION = "requires_action";
    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String SUCCEEDED = "succeeded";
    public static final String REVERSED = "reversed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
}
