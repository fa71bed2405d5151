package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on the requests that carry out a payment already there: confirming a charge, a second
 * confirmation, a top-up's challenge. A retry gets the first response byte for byte, even once the state moved
 * on; the key with another request is a 422 naming it; a burst with one key pays once.
 */
@IntegrationTest
class KeyedConfirmsTest extends WalletPeople {

    static final String WALLET = "/api/omnia/v1/wallet";

    Api admin;

    @BeforeEach
    void bobIsAMerchant() {
        admin = bobIsAMerchantFor();
    }

    String charge(String amount) {
        return bobCharges(amount);
    }

    static void assertOtherRequest(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains("Idempotency-Key");
    }

    @Test
    void aRetriedChargeConfirmGetsTheFirstAnswerEvenAfterARefundAndPaysOnce() {
        fund(asAlice, "100.00");
        String id = charge("30.00");
        String confirm = WALLET + "/charges/" + id + "/confirm";

        Api.Response first = post(asAlice, confirm, Map.of(), "pay-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("succeeded");
        ok(post(asBob, WALLET + "/merchant/charges/" + id + "/refunds", Map.of("amount", "5.00"), null));

        Api.Response retry = post(asAlice, confirm, Map.of(), "pay-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).as("the first answer, not today's refunded charge").isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(7500);
        assertThat(balance(bob)).isEqualTo(2500);

        assertOtherRequest(post(asAlice, WALLET + "/charges/" + charge("10.00") + "/confirm", Map.of(), "pay-1"));
        assertThat(balance(alice)).as("the other charge was not paid").isEqualTo(7500);
    }

    @Test
    void aRetriedSecondConfirmationGetsTheFirstAnswerNotAlreadyConfirmed() {
        ok(admin.postForm("/api/omnia/v1/admin/accounts/" + alice.id() + "/verifications", Api.form("kind", "identity")));
        fund(asAlice, "5000.00");
        String first = largeSend("1500.00");
        String second = largeSend("1200.00");

        Api.Response confirmed = post(asAlice, WALLET + "/confirmations/" + first + "/confirm", Map.of(), "c-1");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("confirmed");
        Api.Response retry = post(asAlice, WALLET + "/confirmations/" + first + "/confirm", Map.of(), "c-1");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(confirmed.body());
        assertThat(balance(bob)).isEqualTo(150000);
        assertOtherRequest(post(asAlice, WALLET + "/confirmations/" + second + "/confirm", Map.of(), "c-1"));
        assertThat(balance(bob)).as("the other confirmation was not carried out").isEqualTo(150000);
    }

    private String largeSend(String amount) {
        Api.Response asked = asAlice.postJson(WALLET + "/transfers", Map.of("to", "@" + bob.username(), "amount", amount));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return asked.json().get("confirmation_id").asString();
    }

    @Test
    void aRetriedChallengeAnswerGetsTheFirstAnswerAndCreditsOnce() {
        String id = ok(topUp(asAlice, addCard(asAlice, CHALLENGE), "40.00")).get("id").asString();
        String confirm = WALLET + "/topups/" + id + "/confirm";

        Api.Response first = post(asAlice, confirm, Map.of("code", "123456"), "sca-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("succeeded");
        Api.Response retry = post(asAlice, confirm, Map.of("code", "123456"), "sca-1");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(4000);
        assertOtherRequest(post(asAlice, confirm, Map.of("code", "654321"), "sca-1"));
        assertThat(balance(alice)).isEqualTo(4000);

        String bobs = ok(topUp(asBob, addCard(asBob, CHALLENGE), "25.00")).get("id").asString();
        Api.Response bobsOwnKey = post(asBob, WALLET + "/topups/" + bobs + "/confirm", Map.of("code", "123456"), "sca-1");
        assertThat(bobsOwnKey.status()).as("keys are per account: bob's sca-1 is his own").isEqualTo(200);
        assertThat(balance(bob)).isEqualTo(2500);
    }

    @Test
    void aWrongChallengeCodeIsReplayedAsTheFirstRefusal() {
        String id = ok(topUp(asAlice, addCard(asAlice, CHALLENGE), "40.00")).get("id").asString();
        String confirm = WALLET + "/topups/" + id + "/confirm";

        Api.Response wrong = post(asAlice, confirm, Map.of("code", "000000"), "sca-wrong");
        Api.Response retry = post(asAlice, confirm, Map.of("code", "000000"), "sca-wrong");
        Api.Response again = post(asAlice, confirm, Map.of("code", "000000"), "sca-wrong");

        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(retry.body()).isEqualTo(wrong.body());
        assertThat(again.body()).isEqualTo(wrong.body());
        assertThat(ok(asAlice.get(WALLET + "/topups/" + id)).get("status").asString())
                .as("a replay is not another wrong code: three would have failed the top-up").isEqualTo("requires_action");
        assertThat(ok(post(asAlice, confirm, Map.of("code", "123456"), "sca-right")).get("status").asString())
                .isEqualTo("succeeded");
    }

    @Test
    void eightParallelConfirmsWithOneKeyPayOnceAndAnswerAlike() throws Exception {
        fund(asAlice, "100.00");
        String id = charge("30.00");
        String confirm = WALLET + "/charges/" + id + "/confirm";

        List<Api.Response> answers = WalletConcurrencyTest.inParallel(8, () -> post(asAlice, confirm, Map.of(), "burst"));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        List<String> bodies = answers.stream().filter(r -> r.status() == 200).map(Api.Response::body).distinct().toList();
        assertThat(bodies).hasSize(1);
        assertThat(balance(alice)).as("paid once").isEqualTo(7000);
        assertThat(balance(bob)).isEqualTo(3000);
        JsonNode paid = ok(asAlice.get(WALLET + "/charges?status=succeeded"));
        assertThat(paid.size()).isEqualTo(1);

        ok(post(asBob, WALLET + "/merchant/charges/" + id + "/refunds", Map.of("amount", "30.00"), null));
        assertThat(post(asAlice, confirm, Map.of(), "burst").body()).as("a later retry still gets the first answer")
                .isEqualTo(bodies.getFirst());
        assertThat(balance(alice)).isEqualTo(10000);
    }
}
