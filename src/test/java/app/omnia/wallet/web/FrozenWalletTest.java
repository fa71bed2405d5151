package app.omnia.wallet.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frozen wallet pays nothing by any path: an approved money request, a confirmed merchant charge, a
 * merchant's refund, a large send confirmed after the freeze. Each is refused with 403 {@code wallet-frozen}
 * and moves nothing.
 */
@IntegrationTest
class FrozenWalletTest extends WalletPeople {

    static final String REQUESTS = "/api/omnia/v1/wallet/requests";
    static final String FROZEN = "wallet-frozen";

    void bobIsAMerchant() {
        ok(staff(Role.ADMIN).postJson("/api/omnia/v1/admin/wallet/merchants/" + bob.id(), Map.of()));
    }

    /** Bob charges alice; the charge's id. */
    String bobCharges(String amount) {
        return ok(asBob.postJson("/api/omnia/v1/wallet/merchant/charges",
                Map.of("account", "@" + alice.username(), "amount", amount))).get("id").asString();
    }

    @Test
    void aFrozenPayerCannotApproveAMoneyRequest() {
        fund(asAlice, "100.00");
        String id = ok(asBob.postJson(REQUESTS, Map.of("payer", "@" + alice.username(), "amount", "10.00")))
                .get("id").asString();
        freeze(alice);

        assertRefused(asAlice.postJson(REQUESTS + "/" + id + "/approve", Map.of()), 403, FROZEN);
        assertThat(ok(asAlice.get(REQUESTS + "/" + id)).get("state").asString()).isEqualTo("pending");
        assertThat(balance(alice)).isEqualTo(10000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void aFrozenPayerCannotConfirmAMerchantCharge() {
        bobIsAMerchant();
        fund(asAlice, "100.00");
        String id = bobCharges("30.00");
        freeze(alice);

        assertRefused(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()), 403, FROZEN);
        assertThat(ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id)).get("status").asString()).isEqualTo("pending");
        assertThat(balance(alice)).isEqualTo(10000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void aFrozenMerchantCannotRefund() {
        bobIsAMerchant();
        fund(asAlice, "100.00");
        String id = bobCharges("30.00");
        ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()));
        freeze(bob);

        assertRefused(asBob.postJson("/api/omnia/v1/wallet/merchant/charges/" + id + "/refunds",
                Map.of("amount", "10.00")), 403, FROZEN);
        JsonNode charge = ok(asAlice.get("/api/omnia/v1/wallet/charges/" + id));
        assertThat(charge.get("refunded_amount_minor").asLong()).isZero();
        assertThat(balance(alice)).isEqualTo(7000);
        assertThat(balance(bob)).isEqualTo(3000);
    }

    @Test
    void aLargeSendConfirmedAfterAFreezeIsRefused() {
        verified(alice);
        fund(asAlice, "2000.00");
        Api.Response asked = SpendingControlsTest.send(asAlice, bob, "1500.00");
        freeze(alice);

        assertRefused(confirm(asAlice, asked), 403, FROZEN);
        assertThat(balance(alice)).isEqualTo(200000);
        assertThat(balance(bob)).isZero();
    }

    @Test
    void aLargeChargeConfirmedAfterAFreezeIsRefused() {
        bobIsAMerchant();
        verified(alice);
        fund(asAlice, "2000.00");
        String id = bobCharges("1500.00");
        JsonNode waiting = ok(asAlice.postJson("/api/omnia/v1/wallet/charges/" + id + "/confirm", Map.of()));
        assertThat(waiting.get("status").asString()).isEqualTo("requires_confirmation");
        freeze(alice);

        assertRefused(confirm(asAlice, waiting.get("confirmation_id").asString()), 403, FROZEN);
        assertThat(balance(alice)).isEqualTo(200000);
        assertThat(balance(bob)).isZero();
    }
}
