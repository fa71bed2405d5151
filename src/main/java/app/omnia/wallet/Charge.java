package app.omnia.wallet;

import java.time.Instant;

/**
 * A merchant's request for money from a payer. {@code status}: {@code pending} (waiting for the payer),
 * {@code requires_confirmation} (the payer confirmed once; the amount needs a second confirmation,
 * {@code confirmationId}), {@code succeeded} (paid; refunds may follow up to {@code amount}), {@code declined}.
 */
public record Charge(long id, long payerId, long merchantId, long amount, long refundedAmount, String asset,
                     String description, String status, Long confirmationId, Instant createdAt, Instant decidedAt) {

    public static final String PENDING = "pending";
    public static final String REQUIRES_CONFIRMATION = "requires_confirmation";
    public static final String SUCCEEDED = "succeeded";
    public static final String DECLINED = "declined";

    public long refundable() {
        return SUCCEEDED.equals(status) ? amount - refundedAmount : 0;
    }
}
