package app.omnia.wallet;

import app.omnia.wallet.domain.CardDetails;

/**
 * The port to a card network's push/pull-to-card service (Visa Direct, Mastercard Send and the like).
 * Omnia ships {@link SandboxCardNetwork}; a real adapter implements this interface and is selected with
 * {@code omnia.wallet.cards.network}. Every money call carries the platform's operation id as
 * {@code reference}: the network de-duplicates on it, so asking twice never moves money twice, and
 * {@link #inquire} finds the operation again after a timeout.
 */
public interface CardNetwork {

    /** Checks the card with the network and vaults it; the number and code go no further than this call. */
    Tokenized tokenize(CardDetails card);

    /** Pulls money from the card (a top-up): authorise and capture. */
    Result pull(String reference, String token, long amount, String asset);

    /** Answers a strong-customer-authentication challenge raised by {@link #pull}. */
    Result completeChallenge(String reference, String code);

    /** Pushes money to the card (a withdrawal): accepted now, paid out or returned at settlement. */
    Result push(String reference, String token, long amount, String asset);

    /** Where an operation stands on the network's side (settling it, if its time has come). */
    State inquire(String reference);

    /** Cancels an operation that will not be completed (voids an authorisation, recalls a push). */
    void cancel(String reference);

    /** Deletes a vaulted card. */
    void forget(String token);

    /** A vaulted card, or the network's refusal of it (naming the field at fault, never its value). */
    record Tokenized(String token, String refusedField, String refusedCode, String refusedMessage) {
        public boolean refused() {
            return token == null;
        }
    }

    /** The answer to a money call. */
    record Result(Outcome outcome, String declineCode, String challengeId) {
        public static Result of(Outcome outcome) {
            return new Result(outcome, null, null);
        }
    }

    enum Outcome {
        /** Pull captured, or push accepted for settlement. */
        APPROVED,
        DECLINED,
        /** The holder must pass a challenge first (pull only). */
        CHALLENGE,
        /** A challenge answer was wrong; the challenge stays open. */
        WRONG_CODE,
        /** No answer in time: the operation may or may not have happened; ask again with {@link #inquire}. */
        TIMEOUT
    }

    /** The network's view of an operation. */
    enum State {
        /** Never received: nothing happened. */
        UNKNOWN,
        /** Received, not decided yet. */
        PENDING,
        CHALLENGE,
        DECLINED,
        /** A pull whose money is taken from the card. */
        CAPTURED,
        /** A captured pull the card's issuer took back at settlement (the holder disputed it: a chargeback). */
        REVERSED,
        /** A push accepted, not yet paid out. */
        ACCEPTED,
        /** A push paid out to the card. */
        PAID,
        /** A push the card's bank sent back. */
        RETURNED,
        CANCELLED
    }
}
