package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Spending limits per tier, minors' caps, second confirmations, and staff freezes, over HTTP. */
@IntegrationTest
class SpendingControlsTest extends WalletPeople {

    static Api.Response send(Api as, User to, String amount) {
        return as.postJson("/api/omnia/v1/wallet/transfers", Map.of("to", "@" + to.username(), "amount", amount));
    }

    static Api.Response send(Api as, User to, String amount, String asset) {
        return as.postJson("/api/omnia/v1/wallet/transfers",
                Map.of("to", "@" + to.username(), "amount", amount, "asset", asset));
    }

    /** Tops up yen from a new card (top-ups are not capped; ¥1,000,000 is the largest one). */
    static void fundYen(Api as, String amount) {
        Api.Response topUp = as.postJson("/api/omnia/v1/wallet/topups",
                Map.of("card_id", addCard(as, APPROVE), "amount", amount, "asset", "JPY"));
        assertThat(topUp.json().get("status").asString()).as(topUp.toString()).isEqualTo("succeeded");
    }

    /** The shipped settings: 500.00 a day in EUR for the unverified, but ¥80,000 in JPY (not ¥500, nor ¥50,000). */
    @Test
    void eachAssetHasItsOwnCaps() {
        fund(asAlice, "600.00");
        fundYen(asAlice, "100000");

        Api.Response yen = send(asAlice, bob, "60000", "JPY");
        assertThat(yen.status()).as(yen.toString()).isEqualTo(200);
        assertThat(ledger.balance(Long.parseLong(bob.id()), "JPY")).isEqualTo(60000);
        Api.Response overEuros = send(asAlice, bob, "500.01", "EUR");
        assertRefused(overEuros, 422, "spending-limit");
        assertThat(overEuros.json().get("detail").asString()).as("the cap in euros, not cents")
                .contains("daily limit of 500.00 EUR (already sent: 0.00)");
        assertThat(send(asAlice, bob, "500.00", "EUR").status()).as("yen sent counts only against yen").isEqualTo(200);
        Api.Response overYen = send(asAlice, bob, "20001", "JPY");
        assertRefused(overYen, 422, "spending-limit");
        assertThat(overYen.json().get("errors").findValuesAsString("field")).containsExactly("amount");
        assertThat(overYen.json().at("/errors/0/message").asString())
                .isEqualTo("This payment would pass the daily limit of 80000 JPY (already sent: 60000)");

        JsonNode euros = ok(asAlice.get("/api/omnia/v1/wallet/limits?asset=EUR"));
        assertThat(euros.get("daily_limit").asString()).isEqualTo("500.00");
        assertThat(euros.get("second_confirmation_above").asString()).isEqualTo("1000.00");
        JsonNode yenLimits = ok(asAlice.get("/api/omnia/v1/wallet/limits?asset=JPY"));
        assertThat(yenLimits.get("asset").asString()).isEqualTo("JPY");
        assertThat(yenLimits.get("daily_limit").asString()).isEqualTo("80000");
        assertThat(yenLimits.get("daily_limit_minor").asLong()).isEqualTo(80000);
        assertThat(yenLimits.get("monthly_limit").asString()).isEqualTo("320000");
        assertThat(yenLimits.get("card_max_amount").asString()).isEqualTo("1600000");
        assertThat(euros.get("card_max_amount").asString()).isEqualTo("10000.00");
        assertThat(yenLimits.get("sent_today_minor").asLong()).isEqualTo(60000);
        assertThat(yenLimits.get("second_confirmation_above").asString()).isEqualTo("160000");
    }

    @Test
    void theSecondConfirmationThresholdIsPerAsset() {
        verified(alice);
        fund(asAlice, "2000.00");
        fundYen(asAlice, "400000");

        assertThat(send(asAlice, bob, "1000.01", "EUR").status()).isEqualTo(202);
        Api.Response yenUnder = send(asAlice, bob, "150000", "JPY");
        assertThat(yenUnder.status()).as("under ¥160,000: " + yenUnder).isEqualTo(200);
        Api.Response yenAbove = send(asAlice, bob, "160001", "JPY");
        assertThat(yenAbove.status()).as(yenAbove.toString()).isEqualTo(202);
        assertThat(yenAbove.json().get("status").asString()).isEqualTo("requires_confirmation");
        assertThat(ledger.balance(Long.parseLong(bob.id()), "JPY")).isEqualTo(150000);
        assertThat(confirm(asAlice, yenAbove).status()).isEqualTo(200);
        assertThat(ledger.balance(Long.parseLong(bob.id()), "JPY")).isEqualTo(310001);
    }

    @Test
    void theDailyCapRefusesSendsAndWithdrawalsUntilVerificationRaisesIt() {
        String card = fund(asAlice, "900.00");
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/limits")).get("tier").asString()).isEqualTo("unverified");

        assertThat(send(asAlice, bob, "300.00").status()).isEqualTo(200);
        Api.Response overByWithdrawal = withdraw(asAlice, card, "250.00");
        Api.Response overBySend = send(asAlice, bob, "250.00");

        for (Api.Response refused : java.util.List.of(overByWithdrawal, overBySend)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).endsWith("spending-limit");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("amount");
        }
        assertThat(balance(alice)).isEqualTo(60000);
        assertThat(ok(withdraw(asAlice, card, "200.00")).get("status").asString()).isEqualTo("processing");

        Api admin = staff(Role.ADMIN);
        ok(admin.postForm("/api/omnia/v1/admin/accounts/" + alice.id() + "/verifications", Api.form("kind", "identity")));
        JsonNode limits = ok(asAlice.get("/api/omnia/v1/wallet/limits"));
        assertThat(limits.get("tier").asString()).isEqualTo("verified");
        assertThat(limits.get("sent_today_minor").asLong()).isEqualTo(50000);
        assertThat(send(asAlice, bob, "250.00").status()).isEqualTo(200);
    }

    @Test
    void minorsHaveLowerCaps() {
        User minor = personAged(15);
        Api asMinor = api.withToken(minor.token());
        String card = fund(asMinor, "100.00");

        assertThat(ok(asMinor.get("/api/omnia/v1/wallet/limits")).get("tier").asString()).isEqualTo("minor");
        Api.Response tooMuch = withdraw(asMinor, card, "60.00");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("type").asString()).endsWith("spending-limit");
        assertThat(send(asMinor, bob, "50.00").status()).isEqualTo(200);
        assertThat(send(asMinor, bob, "0.01").status()).isEqualTo(422);
    }

    @Test
    void aLargePaymentWaitsForASecondConfirmation() {
        Api admin = staff(Role.ADMIN);
        ok(admin.postForm("/api/omnia/v1/admin/accounts/" + alice.id() + "/verifications", Api.form("kind", "identity")));
        String card = fund(asAlice, "5000.00");

        Api.Response asked = send(asAlice, bob, "1500.00");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().get("status").asString()).isEqualTo("requires_confirmation");
        String confirmation = asked.json().get("confirmation_id").asString();
        assertThat(balance(bob)).isZero();
        assertThat(asBob.postJson("/api/omnia/v1/wallet/confirmations/" + confirmation + "/confirm", Map.of()).status())
                .isEqualTo(404);

        JsonNode done = ok(asAlice.postJson("/api/omnia/v1/wallet/confirmations/" + confirmation + "/confirm", Map.of()));
        assertThat(done.get("type").asString()).isEqualTo("transfer");
        assertThat(balance(bob)).isEqualTo(150000);
        assertThat(asAlice.postJson("/api/omnia/v1/wallet/confirmations/" + confirmation + "/confirm", Map.of()).status())
                .isEqualTo(422);
        assertThat(balance(bob)).isEqualTo(150000);

        JsonNode withdrawal = ok(withdraw(asAlice, card, "2000.00"));
        assertThat(withdrawal.get("status").asString()).isEqualTo("requires_confirmation");
        assertThat(balance(alice)).isEqualTo(350000);
        JsonNode confirmed = ok(asAlice.postJson("/api/omnia/v1/wallet/confirmations/"
                + withdrawal.get("confirmation_id").asString() + "/confirm", Map.of()));
        assertThat(confirmed.at("/withdrawal/status").asString()).isEqualTo("processing");
        assertThat(balance(alice)).isEqualTo(150000);
    }

    @Test
    void confirmingALargeSendIsRefusedOnceThePayeeBlockedThePayer() {
        verified(alice);
        fund(asAlice, "2000.00");
        Api.Response asked = send(asAlice, bob, "1500.00");

        Api.Response block = asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertThat(block.status()).as(block.toString()).isEqualTo(200);
        Api.Response refused = confirm(asAlice, asked);

        // The refusal a send to someone who blocked the payer gets in the first place.
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:omnia:problem:wallet-blocked");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("to");
        assertThat(balance(alice)).isEqualTo(200000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void confirmingALargeSendIsRefusedOnceThePayerBlockedThePayee() {
        verified(alice);
        fund(asAlice, "2000.00");
        Api.Response asked = send(asAlice, bob, "1500.00");

        ok(asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Map.of()));
        Api.Response refused = confirm(asAlice, asked);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:omnia:problem:wallet-blocked");
        assertThat(balance(alice)).isEqualTo(200000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void onlyThePayerMayCancelTheirConfirmation() {
        verified(alice);
        fund(asAlice, "2000.00");
        Api.Response asked = send(asAlice, bob, "1500.00");
        String cancel = "/api/omnia/v1/wallet/confirmations/" + asked.json().get("confirmation_id").asString()
                + "/cancel";

        // As for confirming: someone else's confirmation is as missing as one that never existed.
        assertThat(asBob.postJson(cancel, Map.of()).status()).isEqualTo(404);
        assertThat(ok(confirm(asAlice, asked)).get("status").asString()).as("still pending, so alice's to confirm")
                .isEqualTo("confirmed");
        assertThat(balance(bob)).isEqualTo(150000);
    }

    @Test
    void aFrozenWalletSendsNothingButStillReceivesAndEveryActIsAudited() {
        String card = fund(asAlice, "100.00");
        fund(asBob, "50.00");
        Api moderator = staff(Role.MODERATOR);

        assertThat(asAlice.postJson("/api/omnia/v1/admin/wallet/accounts/" + bob.id() + "/freeze",
                Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(moderator.postJson("/api/omnia/v1/admin/wallet/accounts/" + alice.id() + "/freeze", Map.of())
                .status()).isEqualTo(422);
        JsonNode frozen = ok(moderator.postJson("/api/omnia/v1/admin/wallet/accounts/" + alice.id() + "/freeze",
                Map.of("reason", "suspected fraud, case 42")));
        assertThat(frozen.get("frozen").asBoolean()).isTrue();

        Api.Response sendRefused = send(asAlice, bob, "10.00");
        Api.Response withdrawalRefused = withdraw(asAlice, card, "10.00");
        for (Api.Response refused : java.util.List.of(sendRefused, withdrawalRefused)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).endsWith("wallet-frozen");
        }
        assertThat(send(asBob, alice, "20.00").status()).isEqualTo(200);
        assertThat(ok(topUp(asAlice, card, "5.00")).get("status").asString()).isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(12500);

        ok(moderator.postJson("/api/omnia/v1/admin/wallet/accounts/" + alice.id() + "/unfreeze",
                Map.of("reason", "cleared")));
        assertThat(send(asAlice, bob, "10.00").status()).isEqualTo(200);

        JsonNode audit = ok(staff(Role.ADMIN).get("/api/omnia/v1/admin/audit_log?account_id=" + alice.id()));
        assertThat(audit.findValuesAsString("action")).containsSubsequence("wallet.unfreeze", "wallet.freeze");
        assertThat(audit.findValuesAsString("detail")).contains("suspected fraud, case 42", "cleared");
    }
}
