package app.omnia.wallet.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.wallet.LedgerInvariants;
import app.omnia.wallet.SystemAccount;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Withdrawals to cards: debited at once into suspense, paid out or returned at settlement. */
@IntegrationTest
class WithdrawalsTest extends WalletPeople {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerInvariants invariants;

    long suspense() {
        return ledger.systemBalance(SystemAccount.SUSPENSE, "EUR");
    }

    @Test
    void aWithdrawalLeavesAtOnceAndIsPaidOutAtSettlement() {
        String card = fund(asAlice, "100.00");
        // Suspense is shared: settle what earlier tests left open, so that only this withdrawal moves it.
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        long suspenseBefore = suspense();

        JsonNode started = ok(withdraw(asAlice, card, "30.00"));
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("processing");
        assertThat(balance(alice)).isEqualTo(7000);
        assertThat(suspense() - suspenseBefore).isEqualTo(3000);

        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + id)).get("status").asString())
                .isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(7000);
        assertThat(suspense()).isEqualTo(suspenseBefore);
    }

    @Test
    void aWithdrawalReturnedByTheBankIsReversedAndTheMoneyComesBack() {
        fund(asAlice, "100.00");
        String returning = addCard(asAlice, PUSH_RETURNED);

        String id = ok(withdraw(asAlice, returning, "40.00")).get("id").asString();
        assertThat(balance(alice)).isEqualTo(6000);

        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));

        JsonNode reversed = ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + id));
        assertThat(reversed.get("status").asString()).isEqualTo("reversed");
        assertThat(reversed.get("failure_code").asString()).isEqualTo("returned_by_bank");
        assertThat(balance(alice)).isEqualTo(10000);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/limits")).get("sent_today_minor").asLong()).isZero();
    }

    @Test
    void aDeclinedPushReturnsTheMoneyAtOnce() {
        fund(asAlice, "100.00");
        JsonNode declined = ok(withdraw(asAlice, addCard(asAlice, STOLEN), "40.00"));

        assertThat(declined.get("status").asString()).isEqualTo("failed");
        assertThat(declined.get("failure_code").asString()).isEqualTo("stolen_card");
        assertThat(balance(alice)).isEqualTo(10000);
    }

    @Test
    void aPushThatNeverSettlesIsGivenUpAndReturned() {
        fund(asAlice, "100.00");
        String id = ok(withdraw(asAlice, addCard(asAlice, NEVER_SETTLES), "40.00")).get("id").asString();
        assertThat(balance(alice)).isEqualTo(6000);

        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));
        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));

        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + id)).get("status").asString()).isEqualTo("failed");
        assertThat(balance(alice)).isEqualTo(10000);
    }

    @Test
    void aPushThatTimesOutAndSettlesLateIsHeldInSuspenseThenPaidOutOnce() {
        fund(asAlice, "100.00");
        String late = addCard(asAlice, SETTLES_LATE);
        // Suspense is shared: settle what earlier tests left open, so that only this withdrawal moves it.
        reconciliation.run(Instant.now().plus(Duration.ofMinutes(5)));
        long suspenseBefore = suspense();
        long settlementBefore = ledger.systemBalance(SystemAccount.CARD_SETTLEMENT, "EUR");

        JsonNode started = ok(withdraw(asAlice, late, "40.00"));
        String id = started.get("id").asString();
        assertThat(started.get("status").asString()).isEqualTo("pending");
        assertThat(balance(alice)).isEqualTo(6000);
        assertThat(suspense() - suspenseBefore).isEqualTo(4000);

        // Within reconcile-after the job leaves it to the request that started it.
        reconciliation.run(Instant.now());
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + id)).get("status").asString())
                .isEqualTo("pending");
        assertThat(suspense() - suspenseBefore).isEqualTo(4000);

        Instant later = Instant.now().plus(Duration.ofMinutes(5));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> reconciliation.run(later)),
                CompletableFuture.runAsync(() -> reconciliation.run(later))).join();
        reconciliation.run(Instant.now().plus(Duration.ofHours(2)));

        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + id)).get("status").asString())
                .isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(6000);
        assertThat(suspense()).isEqualTo(suspenseBefore);
        assertThat(ledger.systemBalance(SystemAccount.CARD_SETTLEMENT, "EUR") - settlementBefore).isEqualTo(4000);
        LedgerInvariants.Report invariants = this.invariants.check();
        assertThat(invariants.violations()).isEmpty();
        assertThat(invariants.ok()).isTrue();
    }

    @Test
    void moreThanTheBalanceIsRefusedTheSameWayOnRetry() {
        String card = fund(asAlice, "10.00");
        java.util.Map<String, Object> body = java.util.Map.of("card_id", card, "amount", "20.00", "asset", "EUR");

        Api.Response first = post(asAlice, "/api/omnia/v1/wallet/withdrawals", body, "w-1");
        Api.Response retry = post(asAlice, "/api/omnia/v1/wallet/withdrawals", body, "w-1");

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.json().get("type").asString()).endsWith("insufficient-funds");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.json().get("type").asString()).endsWith("insufficient-funds");
        assertThat(balance(alice)).isEqualTo(1000);
    }

    @Test
    void anotherPersonsWithdrawalIsNotFound() {
        String card = fund(asAlice, "10.00");
        String id = ok(withdraw(asAlice, card, "5.00")).get("id").asString();

        assertThat(asBob.get("/api/omnia/v1/wallet/withdrawals/" + id).status()).isEqualTo(404);
        assertThat(withdraw(asBob, card, "1.00").status()).isEqualTo(404);
        assertThat(ok(asBob.get("/api/omnia/v1/wallet/withdrawals")).size()).isZero();
    }

    @Test
    void aLargeWithdrawalWhoseCardExpiredBeforeItsConfirmationIsRefused() {
        verified(alice);
        String card = fund(asAlice, "2000.00");
        JsonNode waiting = ok(withdraw(asAlice, card, "1500.00"));
        assertThat(waiting.get("status").asString()).isEqualTo("requires_confirmation");
        // The store's expiry moved into the past: the card expired while the withdrawal waited.
        int lastYear = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1;
        jdbc.sql("UPDATE wallet_cards SET exp_year = ? WHERE id = ?").params(lastYear, Long.parseLong(card)).update();

        Api.Response refused = confirm(asAlice, waiting.get("confirmation_id").asString());

        assertRefused(refused, 422, "validation-failed");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("card_id");
        assertThat(balance(alice)).isEqualTo(200000);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/withdrawals/" + waiting.get("id").asString()))
                .get("status").asString()).isEqualTo("requires_confirmation");
    }
}
