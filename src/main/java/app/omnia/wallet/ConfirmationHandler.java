package app.omnia.wallet;

import app.omnia.wallet.persistence.Confirmations.Confirmation;

/**
 * Completes a payment that waited for its payer's second confirmation ({@link PaymentConfirmations}). One
 * per kind: withdrawals, charges, P2P sends, paid money requests. Completing twice must move money once: a
 * status claim (the operation's, the charge's, the request's, or the confirmation's own) decides, in the
 * ledger writer's transaction.
 */
interface ConfirmationHandler {

    String kind();

    /** Carries the payment out and returns its id; throws the refusal (insufficient funds, limit, frozen). */
    long complete(Confirmation confirmation);

    /** The payer gave up (or let it expire): the payment will not happen. */
    void abandon(Confirmation confirmation);
}
