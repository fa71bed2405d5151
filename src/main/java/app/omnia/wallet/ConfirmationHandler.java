package app.omnia.wallet;

/**
 * Completes a payment that waited for its payer's second confirmation ({@link PaymentConfirmations}). One
 * per kind: withdrawals, charges, P2P sends. Completing must be safe to run twice (a state claim decides).
 */
interface ConfirmationHandler {

    String kind();

    /** Carries the payment out; throws the refusal (insufficient funds, limit, frozen) when it cannot be. */
    void complete(long accountId, long refId);

    /** The payer gave up: the payment will not happen. */
    void abandon(long accountId, long refId);
}
