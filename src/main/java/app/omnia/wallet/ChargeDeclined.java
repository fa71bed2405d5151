package app.omnia.wallet;

/** A payer declined a merchant's charge. */
public record ChargeDeclined(long chargeId, long merchantId, long payerId) {}
