package app.omnia.wallet.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A merchant (bob) charges alice over HTTP; she confirms or declines; he refunds, never more than paid. */
@IntegrationTest
class MerchantChargesTest extends WalletPeople {

    Api admin;

    @BeforeEach
    void bobIsAMerchant() {
        admin = bobIsAMerchantFor();
    }

    String charge(String amount) {
        return bobCharges(amount);
    }

    @Test
    void aConfirmedChargePaysTheMerchantAndRefundsNeverExceedIt() {
        fund(asAlice, "100.00");
        String id = charge("30.00");
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges?status=pending")).findValuesAsString("id")).contains(id);

        JsonNode paid = ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()));
        assertThat(paid.get("status").asString()).isEqualTo("succeeded");
        ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()));
        assertThat(balance(alice)).isEqualTo(7000);
        assertThat(balance(bob)).isEqualTo(3000);

        String refunds = "/api/omnia/v1/wallet/merchant/charges/" + id + "/refunds";
        JsonNode part = ok(post(asBob, refunds, Map.of("amount", "10.00"), "r-1"));
        JsonNode replay = ok(post(asBob, refunds, Map.of("amount", "10.00"), "r-1"));
        assertThat(replay.get("id").asString()).isEqualTo(part.get("id").asString());
        Api.Response tooMuch = asBob.postJson(refunds, Map.of("amount", "20.01"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("errors").findValuesAsString("field")).containsExactly("amount");
        ok(asBob.postJson(refunds, Map.of("amount", "20.00")));
        assertThat(asBob.postJson(refunds, Map.of("amount", "0.01")).status()).isEqualTo(422);

        assertThat(balance(alice)).isEqualTo(10000);
        assertThat(balance(bob)).isZero();
        JsonNode after = ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id));
        assertThat(after.get("refunded_amount_minor").asLong()).isEqualTo(3000);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id + "/refunds")).size()).isEqualTo(2);
    }

    @Test
    void aDeclinedChargeMovesNothing() {
        fund(asAlice, "100.00");
        String id = charge("30.00");

        assertThat(ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/decline", Map.of()))
                .get("status").asString()).isEqualTo("declined");
        assertThat(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()).status()).isEqualTo(422);
        assertThat(asBob.postJson("/api/omnia/v1/wallet/merchant/charges/" + id + "/refunds", Map.of("amount", "1.00"))
                .status()).isEqualTo(422);
        assertThat(balance(alice)).isEqualTo(10000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void othersCannotSeeConfirmOrRefundACharge() {
        fund(asAlice, "100.00");
        String id = charge("30.00");
        Api stranger = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read write").token());

        assertThat(stranger.get("/api/omnia/v1/wallet/charges/" + id).status()).isEqualTo(404);
        assertThat(stranger.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()).status()).isEqualTo(404);
        assertThat(asBob.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()).status()).isEqualTo(404);
        assertThat(asAlice.postJson("/api/omnia/v1/wallet/merchant/charges/" + id + "/refunds", Map.of("amount", "1.00"))
                .status()).isEqualTo(404);
        assertThat(stranger.postJson("/api/omnia/v1/wallet/merchant/charges",
                Map.of("account", "@" + alice.username(), "amount", "1.00")).status()).isEqualTo(403);
        assertThat(balance(alice)).isEqualTo(10000);
    }

    @Test
    void aChargeWithoutEnoughMoneyIsRefusedAndStaysPending() {
        fund(asAlice, "10.00");
        String id = charge("30.00");

        Api.Response refused = asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("insufficient-funds");
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id)).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void aChargeAboveTheThresholdWaitsForThePayersSecondConfirmation() {
        verified(alice);
        fund(asAlice, "2000.00");
        String id = charge("1500.00");

        JsonNode waiting = ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()));
        assertThat(waiting.get("status").asString()).isEqualTo("requires_confirmation");
        assertThat(balance(alice)).as("nothing moved yet").isEqualTo(200000);
        assertThat(balance(bob)).isZero();

        JsonNode done = ok(confirm(asAlice, waiting.get("confirmation_id").asString()));
        assertThat(done.get("type").asString()).isEqualTo("charge");
        assertThat(done.at("/charge/status").asString()).isEqualTo("succeeded");
        assertThat(balance(alice)).isEqualTo(50000);
        assertThat(balance(bob)).isEqualTo(150000);
    }

    @Test
    void aChargeOverThePayersDailyLimitIsRefusedAndStaysPending() {
        fund(asAlice, "900.00");
        // Below the second-confirmation threshold, above an unverified account's daily cap (500.00).
        String id = charge("600.00");

        Api.Response refused = asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of());
        assertRefused(refused, 422, "spending-limit");
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("amount");
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id)).get("status").asString()).isEqualTo("pending");
        assertThat(balance(alice)).isEqualTo(90000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void onlyThePayerMayDeclineACharge() {
        String id = charge("30.00");
        Api stranger = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read write").token());

        // As for confirming: a charge someone may not decide is as missing as one that never existed.
        assertThat(stranger.postJson("/api/omnia/v1/wallet/charges/" + id + "/decline", Map.of()).status())
                .isEqualTo(404);
        assertThat(asBob.postJson("/api/omnia/v1/wallet/charges/" + id + "/decline", Map.of()).status())
                .isEqualTo(404);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id)).get("status").asString()).isEqualTo("pending");
    }
}
