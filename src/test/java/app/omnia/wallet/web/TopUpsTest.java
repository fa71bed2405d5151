package app.omnia.wallet.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.wallet.LedgerInvariants;
import app.omnia.wallet.SystemAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Top-ups through the sandbox network: each test card's path, end to end over HTTP. */
@IntegrationTest
class TopUpsTest extends WalletPeople {

    @Autowired
    LedgerInvariants invariants;

    @Test
    void anApprovedTopUpCreditsTheWalletOnce() {
        String card = addCard(asAlice, APPROVE);

        JsonNode first = ok(post(asAlice, "/api/omnia/v1/wallet/topups",
                Map.of("card_id", card, "amount", "25.00", "asset", "EUR"), "topup-1"));
        JsonNode again = ok(post(asAlice, "/api/omnia/v1/wallet/topups",
                Map.of("card_id", card, "amount", "25.00", "asset", "EUR"), "topup-1"));

        assertThat(first.get("status").asString()).isEqualTo("succeeded");
        assertThat(first.get("amount").asString()).isEqualTo("25.00");
        assertThat(first.get("amount_minor").asLong()).isEqualTo(2500);
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(balance(alice)).isEqualTo(2500);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + first.get("id").asString())).get("status").asString())
                .isEqualTo("succeeded");
        Api.Response otherBody = post(asAlice, "/api/omnia/v1/wallet/topups",
                Map.of("card_id", card, "amount", "99.99", "asset", "EUR"), "topup-1");
        assertThat(otherBody.status()).isEqualTo(422);
    }

    @Test
    void declinedCardsCreditNothing() {
        JsonNode poor = ok(topUp(asAlice, addCard(asAlice, INSUFFICIENT_FUNDS), "10.00"));
        JsonNode stolen = ok(topUp(asAlice, addCard(asAlice, STOLEN), "10.00"));

        assertThat(poor.get("status").asString()).isEqualTo("failed");
        assertThat(poor.get("failure_code").asString()).isEqualTo("insufficient_funds");
        assertThat(stolen.get("status").asString()).isEqualTo("failed");
        assertThat(stolen.get("failure_code").asString()).isEqualTo("stolen_card");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void aChallengeRefusesTheWrongCodeAndCompletesWithTheRightOne() {
        JsonNode started = ok(topUp(asAlice, addCard(asAlice, CHALLENGE), "40.00"));
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("requires_action");
        assertThat(started.get("challenge_id").asString()).isNotBlank();
        assertThat(balance(alice)).isZero();

        Api.Response wrong = asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").findValuesAsString("field")).containsExactly("code");
        assertThat(balance(alice)).isZero();
        assertThat(asBob.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "123456")).status())
                .isEqualTo(404);

        JsonNode done = ok(asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "123456")));
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(4000);
        ok(asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "123456")));
        assertThat(balance(alice)).isEqualTo(4000);
    }

    @Test
    void threeWrongCodesFailTheTopUp() {
        String id = ok(topUp(asAlice, addCard(asAlice, CHALLENGE), "40.00")).get("id").asString();
        asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "1"));
        asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "2"));
        JsonNode third = ok(asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "3")));

        assertThat(third.get("status").asString()).isEqualTo("failed");
        assertThat(third.get("failure_code").asString()).isEqualTo("authentication_failed");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void aTimeoutThatSettlesLateIsCreditedExactlyOnce() {
        JsonNode started = ok(topUp(asAlice, addCard(asAlice, SETTLES_LATE), "30.00"));
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("pending");
        assertThat(balance(alice)).isZero();

        // Within the grace period the job leaves it to the request that started it.
        reconciliation.run(Instant.now());
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString()).isEqualTo("pending");

        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        // Two copies of the job at once, then once more: one credit.
        CompletableFuture<?> one = CompletableFuture.runAsync(() -> reconciliation.run(later));
        CompletableFuture<?> two = CompletableFuture.runAsync(() -> reconciliation.run(later));
        CompletableFuture.allOf(one, two).join();
        reconciliation.run(later);

        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString()).isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(3000);
    }

    @Test
    void aTopUpTheIssuerReversesIsTakenBackOnce() {
        String id = ok(topUp(asAlice, addCard(asAlice, PULL_REVERSED), "50.00")).get("id").asString();
        assertThat(balance(alice)).as("credited when captured").isEqualTo(5000);

        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        CompletableFuture<?> one = CompletableFuture.runAsync(() -> reconciliation.run(later));
        CompletableFuture<?> two = CompletableFuture.runAsync(() -> reconciliation.run(later));
        CompletableFuture.allOf(one, two).join();
        reconciliation.run(later);

        JsonNode reversed = ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id));
        assertThat(reversed.get("status").asString()).isEqualTo("reversed");
        assertThat(reversed.get("failure_code").asString()).isEqualTo("reversed_by_issuer");
        assertThat(balance(alice)).isZero();
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/limits")).get("frozen").asBoolean())
                .as("nothing is owed: the wallet stays usable").isFalse();
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/transactions")).findValuesAsString("kind"))
                .contains("top_up", "top_up_reversal");
    }

    @Test
    void aReversedTopUpAlreadySpentTakesWhatIsLeftAndFreezesTheWallet() {
        long recoveriesBefore = ledger.systemBalance(SystemAccount.CARD_RECOVERIES, "EUR");
        String id = ok(topUp(asAlice, addCard(asAlice, PULL_REVERSED), "50.00")).get("id").asString();
        ok(asAlice.postJson("/api/omnia/v1/wallet/transfers", Map.of("to", "@" + bob.username(), "amount", "35.00")));

        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString()).isEqualTo("reversed");
        assertThat(balance(alice)).as("the 15.00 left taken back").isZero();
        assertThat(balance(bob)).as("a payment made stays made").isEqualTo(3500);
        assertThat(ledger.systemBalance(SystemAccount.CARD_RECOVERIES, "EUR") - recoveriesBefore)
                .as("35.00 owed by alice").isEqualTo(-3500);
        JsonNode limits = ok(asAlice.get("/api/omnia/v1/wallet/limits"));
        assertThat(limits.get("frozen").asBoolean()).isTrue();
        assertThat(limits.get("frozen_reason").asString()).contains("35.00 EUR could not be taken back");
        assertThat(invariants.check().ok()).isTrue();
    }

    @Test
    void aTimeoutThatNeverSettlesFailsWithNothingCredited() {
        String id = ok(topUp(asAlice, addCard(asAlice, NEVER_SETTLES), "30.00")).get("id").asString();

        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString()).isEqualTo("pending");

        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));
        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));

        JsonNode failed = ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failure_code").asString()).isEqualTo("network_timeout");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void anAbandonedChallengeFailsAndALateCorrectCodeIsRefused() {
        String id = ok(topUp(asAlice, addCard(asAlice, CHALLENGE), "40.00")).get("id").asString();

        // Before give-up-after the job leaves the holder time to answer.
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString())
                .isEqualTo("requires_action");

        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));
        JsonNode abandoned = ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id));
        assertThat(abandoned.get("status").asString()).isEqualTo("failed");
        assertThat(abandoned.get("failure_code").asString()).isEqualTo("challenge_abandoned");

        Api.Response late = asAlice.postJson("/api/omnia/v1/wallet/topups/" + id + "/confirm", Map.of("code", "123456"));
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.contentType()).startsWith("application/problem+json");
        reconciliation.run(Instant.now().plus(Duration.ofHours(3)));
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups/" + id)).get("status").asString()).isEqualTo("failed");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void anotherPersonsCardAndTopUpsAreNotFound() {
        String card = addCard(asAlice, APPROVE);
        String id = ok(topUp(asAlice, card, "10.00")).get("id").asString();

        assertThat(topUp(asBob, card, "10.00").status()).isEqualTo(404);
        assertThat(asBob.get("/api/omnia/v1/wallet/topups/" + id).status()).isEqualTo(404);
        assertThat(ok(asBob.get("/api/omnia/v1/wallet/topups")).size()).isZero();
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/topups")).findValuesAsString("id")).containsExactly(id);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void badAmountsAndAssetsAreRefusedNamingTheField() {
        String card = addCard(asAlice, APPROVE);
        Api.Response negative = topUp(asAlice, card, "-5");
        Api.Response tooLarge = topUp(asAlice, card, "100000.00");
        Api.Response text = asAlice.postJson("/api/omnia/v1/wallet/topups", Map.of("card_id", card, "amount", "lots"));
        Api.Response asset = asAlice.postJson("/api/omnia/v1/wallet/topups",
                Map.of("card_id", card, "amount", "1.00", "asset", "XYZ"));

        for (Api.Response r : java.util.List.of(negative, tooLarge, text)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("amount");
        }
        assertThat(asset.status()).isEqualTo(422);
        assertThat(asset.json().get("errors").findValuesAsString("field")).containsExactly("asset");
        assertThat(balance(alice)).isZero();
    }

    @Test
    void theLargestTopUpIsToldInTheAssetsOwnUnits() {
        String card = addCard(asAlice, APPROVE);
        Api.Response euros = topUp(asAlice, card, "10000.01");
        Api.Response yen = asAlice.postJson("/api/omnia/v1/wallet/topups",
                Map.of("card_id", card, "amount", "1600001", "asset", "JPY"));

        assertThat(euros.status()).as(euros.toString()).isEqualTo(422);
        assertThat(euros.json().at("/errors/0/message").asString()).isEqualTo("amount must be at most 10000.00 EUR");
        assertThat(yen.status()).as(yen.toString()).isEqualTo(422);
        assertThat(yen.json().at("/errors/0/message").asString()).isEqualTo("amount must be at most 1600000 JPY");
        assertThat(balance(alice)).isZero();
    }
}
