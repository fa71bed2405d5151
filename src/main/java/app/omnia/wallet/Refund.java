package app.omnia.wallet;

import java.time.Instant;

/** Money a merchant gave back on a charge (part or all of it). */
public record Refund(long id, long chargeId, long merchantId, long amount, String asset, long entryId, Instant createdAt) {}
