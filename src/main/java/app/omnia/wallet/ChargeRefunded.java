package app.omnia.wallet;

/** A merchant gave back part or all of a charge. */
public record ChargeRefunded(long chargeId, long refundId, long merchantId, long payerId, long amount, String asset) {}
