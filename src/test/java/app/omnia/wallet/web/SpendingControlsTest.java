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
