package app.omnia.wallet;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import app.omnia.platform.crypto.SecretBox;
import app.omnia.platform.crypto.Tokens;
import app.omnia.wallet.domain.CardDetails;
import app.omnia.wallet.persistence.SandboxTransactions;
import app.omnia.wallet.persistence.SandboxTransactions.Transaction;
import app.omnia.wallet.persistence.SandboxVault;

/**
 * A card network that behaves like a real push/pull-to-card service, for development and tests, with
 * test card numbers that choose the outcome (listed in the README): approve, decline, challenge, time out
 * and settle late, time out and never settle, push returned at settlement, pull reversed at settlement,
 * security code refused. Its
 * records live in its own tables, as a real network's would live on its side; the vault keeps numbers
 * sealed with {@link SecretBox}, and security codes are checked, never kept.
 */
@Component
@ConditionalOnProperty(name = "omnia.wallet.cards.network", havingValue = "sandbox", matchIfMissing = true)
class SandboxCardNetwork implements CardNetwork {

    static final String CHALLENGE_CODE = "123456";
    private static final int CHALLENGE_ATTEMPTS = 3;

    /** Test numbers and what the sandbox does with them; any other valid number is approved. */
    enum TestCard {
        INSUFFICIENT_FUNDS("4000000000009995"),
        STOLEN("4000000000009979"),
        CHALLENGE("4000002760003184"),
        TIMEOUT_SETTLES_LATE("4000000000000077"),
        TIMEOUT_NEVER_SETTLES("4000000000000085"),
        PUSH_RETURNED("4000000000000093"),
        PULL_REVERSED("4000000000000259"),
        SECURITY_CODE_REFUSED("4000000000000101");

        final String number;

        TestCard(String number) {
            this.number = number;
        }

        static TestCard of(String number) {
            for (TestCard card : values()) {
                if (card.number.equals(number)) {
                    return card;
                }
            }
            return null;
        }
    }

    private static final Map<String, State> STATES = Map.of(
            "pending", State.PENDING, "challenge", State.CHALLENGE, "declined", State.DECLINED,
            "captured", State.CAPTURED, "accepted", State.ACCEPTED, "paid", State.PAID,
            "returned", State.RETURNED, "reversed", State.REVERSED, "cancelled", State.CANCELLED);

    private final SandboxVault vault;
    private final SandboxTransactions transactions;
    private final SecretBox secretBox;
    private final Clock clock;

    SandboxCardNetwork(SandboxVault vault, SandboxTransactions transactions, SecretBox secretBox, Clock clock) {
        this.vault = vault;
        this.transactions = transactions;
        this.secretBox = secretBox;
        this.clock = clock;
    }

    @Override
    public Tokenized tokenize(CardDetails card) {
        if (TestCard.of(card.number()) == TestCard.SECURITY_CODE_REFUSED) {
            return new Tokenized(null, "cvc", "ERR_INVALID", "The card's issuer did not accept the security code");
        }
        String token = "tok_" + Tokens.newSecret().substring(0, 24);
        vault.put(token, secretBox.seal(card.number()), clock.instant());
        return new Tokenized(token, null, null, null);
    }

    @Override
    public Result pull(String reference, String token, long amount, String asset) {
        var known = transactions.find(reference);
        if (known.isPresent()) {
            return replay(known.get());
        }
        TestCard card = cardOf(token);
        String challengeId = card == TestCard.CHALLENGE ? "chl_" + Tokens.newSecret().substring(0, 20) : null;
        String state = card == null ? "captured" : switch (card) {
            case INSUFFICIENT_FUNDS, STOLEN -> "declined";
            case CHALLENGE -> "challenge";
            case TIMEOUT_NEVER_SETTLES -> "pending";
            default -> "captured";
        };
        // A pull that will be taken back carries its reason from the start, as a returned push does.
        String decline = card == TestCard.INSUFFICIENT_FUNDS ? "insufficient_funds"
                : card == TestCard.STOLEN ? "stolen_card" : card == TestCard.PULL_REVERSED ? "disputed" : null;
        transactions.insert(new Transaction(reference, token, "pull", amount, asset, state, decline, challengeId, 0),
                clock.instant());
        if (card == TestCard.TIMEOUT_SETTLES_LATE || card == TestCard.TIMEOUT_NEVER_SETTLES) {
            return Result.of(Outcome.TIMEOUT);
        }
        return replay(transactions.find(reference).orElseThrow());
    }

    @Override
    public Result completeChallenge(String reference, String code) {
        Transaction t = transactions.find(reference).orElse(null);
        if (t == null || !"challenge".equals(t.state())) {
            return t == null ? new Result(Outcome.DECLINED, "no_challenge", null) : replay(t);
        }
        if (Tokens.equal(CHALLENGE_CODE, code == null ? "" : code)) {
            transactions.move(reference, "challenge", "captured", null);
        } else if (transactions.countChallengeAttempt(reference) >= CHALLENGE_ATTEMPTS) {
            transactions.move(reference, "challenge", "declined", "authentication_failed");
        } else {
            return new Result(Outcome.WRONG_CODE, null, t.challengeId());
        }
        return replay(transactions.find(reference).orElseThrow());
    }

    @Override
    public Result push(String reference, String token, long amount, String asset) {
        var known = transactions.find(reference);
        if (known.isPresent()) {
            return replay(known.get());
        }
        TestCard card = cardOf(token);
        String state = card == TestCard.STOLEN ? "declined"
                : card == TestCard.TIMEOUT_NEVER_SETTLES ? "pending" : "accepted";
        // A push that will come back carries its return reason from the start; it shows at settlement.
        String decline = card == TestCard.STOLEN ? "stolen_card"
                : card == TestCard.PUSH_RETURNED ? "account_closed" : null;
        transactions.insert(new Transaction(reference, token, "push", amount, asset, state, decline, null, 0),
                clock.instant());
        if (card == TestCard.TIMEOUT_SETTLES_LATE || card == TestCard.TIMEOUT_NEVER_SETTLES) {
            return Result.of(Outcome.TIMEOUT);
        }
        return replay(transactions.find(reference).orElseThrow());
    }

    @Override
    public State inquire(String reference) {
        Transaction t = transactions.find(reference).orElse(null);
        if (t == null) {
            return State.UNKNOWN;
        }
        if ("accepted".equals(t.state())) {
            // The sandbox settles a push as soon as it is asked about it.
            transactions.move(reference, "accepted", t.declineCode() == null ? "paid" : "returned", null);
            t = transactions.find(reference).orElseThrow();
        } else if ("captured".equals(t.state()) && t.declineCode() != null) {
            // ...and a disputed pull is taken back as soon as it is asked about.
            transactions.move(reference, "captured", "reversed", null);
            t = transactions.find(reference).orElseThrow();
        }
        return STATES.get(t.state());
    }

    @Override
    public void cancel(String reference) {
        for (String from : new String[] {"pending", "challenge", "accepted", "captured"}) {
            if (transactions.move(reference, from, "cancelled", null)) {
                return;
            }
        }
    }

    @Override
    public void forget(String token) {
        vault.delete(token);
    }

    private TestCard cardOf(String token) {
        return vault.sealedNumber(token).map(secretBox::open).map(TestCard::of).orElse(null);
    }

    private static Result replay(Transaction t) {
        return switch (t.state()) {
            case "captured", "accepted", "paid" -> Result.of(Outcome.APPROVED);
            case "challenge" -> new Result(Outcome.CHALLENGE, null, t.challengeId());
            case "pending" -> Result.of(Outcome.TIMEOUT);
            default -> new Result(Outcome.DECLINED, t.declineCode() == null ? "cancelled" : t.declineCode(), null);
        };
    }
}
