package app.omnia.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.domain.CardDetails;
import app.omnia.wallet.persistence.CardOperations;
import app.omnia.wallet.persistence.SandboxTransactions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A top-up or withdrawal whose answer reaches Omnia while, or after, reconciliation gives up on it. Whatever
 * the order, the wallet is credited exactly when the network keeps the money, and debited when it pays out. The interleavings the sandbox cannot
 * produce on its own (its answers are synchronous) are staged here through the services' own entry points.
 */
@IntegrationTest
class CardAnswersAfterGivingUpTest {

    static final String CHALLENGE = "4000002760003184";
    static final String NEVER_SETTLES = "4000000000000085";
    static final String APPROVE = "4242424242424242";

    @LocalServerPort
    int port;

    @Autowired
    CardReconciliation reconciliation;

    @Autowired
    TopUpService topUps;

    @Autowired
    CardOperations operations;

    @Autowired
    CardNetwork network;

    @Autowired
    CardMoney money;

    @Autowired
    CardSettings settings;

    @Autowired
    SandboxTransactions networkRecords;

    @Autowired
    LedgerService ledger;

    @Autowired
    Clock clock;

    @Autowired
    LedgerInvariants invariants;

    TestAccounts.User alice;
    Api asAlice;

    @BeforeEach
    void alice() {
        Api api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write");
        asAlice = api.withToken(alice.token());
    }

    @Test
    void anApprovalArrivingAfterTheJobGaveUpIsCancelledAtTheNetworkAndNeverCredited() {
        long id = topUp(NEVER_SETTLES);
        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));
        assertThat(operations.find(id).orElseThrow().failureCode()).isEqualTo("network_timeout");

        // The network captured the money after all (the cancel crossed the capture), and the pull's answer
        // reaches the request that has been waiting for it: approved.
        assertThat(networkRecords.move(String.valueOf(id), "cancelled", "captured", null)).isTrue();
        topUps.apply(operations.find(id).orElseThrow(), CardNetwork.Result.of(CardNetwork.Outcome.APPROVED));
        reconciliation.run(Instant.now().plus(Duration.ofHours(3)));

        assertThat(operations.find(id).orElseThrow().status()).isEqualTo(CardOperation.FAILED);
        assertThat(networkState(id)).isEqualTo("cancelled");
        assertThat(balance()).isZero();
        assertThat(get(id).json().get("status").asString()).isEqualTo("failed");
    }

    @Test
    void aCodeLandingWhileTheJobGivesUpIsCreditedAndKeptAtTheNetwork() {
        long id = topUp(CHALLENGE);
        // The job asks, hears "challenge", and only then does the holder's correct code arrive and complete it.
        CardNetwork codeAfterInquiry = new DelegatingNetwork(network) {
            boolean answered;

            @Override
            public State inquire(String reference) {
                State state = super.inquire(reference);
                if (!answered && reference.equals(String.valueOf(id))) {
                    answered = true;
                    topUps.confirm(Long.parseLong(alice.id()), id, SandboxCardNetwork.CHALLENGE_CODE);
                }
                return state;
            }
        };
        new CardReconciliation(operations, codeAfterInquiry, money, settings, clock)
                .run(Instant.now().plus(Duration.ofHours(2)));

        assertThat(operations.find(id).orElseThrow().status()).isEqualTo(CardOperation.SUCCEEDED);
        assertThat(networkState(id)).as("credited, so the network must keep the money").isEqualTo("captured");
        assertThat(balance()).isEqualTo(4000);
    }

    @Test
    void aPushPaidOutWhileTheJobGivesUpIsPaidOutNotReturned() {
        start("topups", APPROVE, "100.00");
        long id = start("withdrawals", NEVER_SETTLES, "40.00");
        assertThat(balance()).isEqualTo(6000);
        // The job asks and hears "pending"; the push is paid out right after, too late for the cancel to recall it.
        CardNetwork paidAfterInquiry = new DelegatingNetwork(network) {
            @Override
            public State inquire(String reference) {
                State state = super.inquire(reference);
                if (reference.equals(String.valueOf(id))) {
                    networkRecords.move(reference, "pending", "paid", null);
                }
                return state;
            }
        };
        new CardReconciliation(operations, paidAfterInquiry, money, settings, clock)
                .run(Instant.now().plus(Duration.ofHours(2)));

        assertThat(networkState(id)).isEqualTo("paid");
        assertThat(operations.find(id).orElseThrow().status()).as("the card got the money: not returned as well")
                .isEqualTo(CardOperation.SUCCEEDED);
        assertThat(balance()).isEqualTo(6000);
        assertThat(invariants.check().violations()).isEmpty();
    }

    private long topUp(String number) {
        return start("topups", number, "40.00");
    }

    /** Saves a card with {@code number} and starts a top-up or withdrawal with it; returns the operation's id. */
    private long start(String kind, String number, String amount) {
        Api.Response card = asAlice.postJson("/api/omnia/v1/wallet/cards",
                Map.of("number", number, "exp_month", 12, "exp_year", 2035, "cvc", "123"));
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        Api.Response started = asAlice.postJson("/api/omnia/v1/wallet/" + kind,
                Map.of("card_id", card.json().get("id").asString(), "amount", amount, "asset", "EUR"));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return Long.parseLong(started.json().get("id").asString());
    }

    private Api.Response get(long id) {
        return asAlice.get("/api/omnia/v1/wallet/topups/" + id);
    }

    private String networkState(long id) {
        return networkRecords.find(String.valueOf(id)).orElseThrow().state();
    }

    private long balance() {
        return ledger.balance(Long.parseLong(alice.id()), "EUR");
    }

    /** A network that passes every call to the real one; tests override the call they stage around. */
    private static class DelegatingNetwork implements CardNetwork {

        private final CardNetwork real;

        DelegatingNetwork(CardNetwork real) {
            this.real = real;
        }

        @Override
        public Tokenized tokenize(CardDetails card) {
            return real.tokenize(card);
        }

        @Override
        public Result pull(String reference, String token, long amount, String asset) {
            return real.pull(reference, token, amount, asset);
        }

        @Override
        public Result completeChallenge(String reference, String code) {
            return real.completeChallenge(reference, code);
        }

        @Override
        public Result push(String reference, String token, long amount, String asset) {
            return real.push(reference, token, amount, asset);
        }

        @Override
        public State inquire(String reference) {
            return real.inquire(reference);
        }

        @Override
        public void cancel(String reference) {
            real.cancel(reference);
        }

        @Override
        public void forget(String token) {
            real.forget(token);
        }
    }
}
