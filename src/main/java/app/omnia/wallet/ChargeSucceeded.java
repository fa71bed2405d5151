package app.omnia.wallet;

/** A payer paid a merchant's charge (published in the ledger writer's transaction, heard after commit). */
public record ChargeSucceeded(long chargeId, long merchantId, long payerId, long amount, String asset, long entryId) {}
