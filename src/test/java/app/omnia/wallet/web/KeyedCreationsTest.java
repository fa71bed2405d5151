package app.omnia.wallet.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key on the wallet's creations (a top-up, a withdrawal, a charge, a refund, a money request), with
 * Stripe's rule: a retry gets the first response byte for byte even once the resource moved on, and the money
 * moves once; the same key with another request is a 422; a burst with one key makes one resource. A first
 * request whose server died after making its resource but before answering leaves a key that a retry answers
 * with the resource as it is (never a second one).
 */
@IntegrationTest
class KeyedCreationsTest extends WalletPeople {

    static final String WALLET = "/api/omnia/v1/wallet";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetriedTopUpGetsItsFirstAnswerAfterTheChallengeWasPassedAndIsCreditedOnce() {
        Map<String, Object> body = Map.of("card_id", addCard(asAlice, CHALLENGE), "amount", "40.00", "asset", "EUR");
        Api.Response first = post(asAlice, WALLET + "/topups", body, "top-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("requires_action");
        String id = first.json().get("id").asString();
        assertThat(ok(post(asAlice, WALLET + "/topups/" + id + "/confirm", Map.of("code", "123456"), null))
                .get("status").asString()).isEqualTo("succeeded");

        Api.Response retry = post(asAlice, WALLET + "/topups", body, "top-1");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).as("the first answer, not the top-up as it is now").isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(4000);
        assertThat(ok(asAlice.get(WALLET + "/topups")).size()).isEqualTo(1);
        KeyedConfirmsTest.assertOtherRequest(post(asAlice, WALLET + "/topups",
                Map.of("card_id", body.get("card_id"), "amount", "41.00", "asset", "EUR"), "top-1"));
        assertThat(ok(asAlice.get(WALLET + "/topups")).size()).as("the other request made nothing").isEqualTo(1);
    }

    @Test
    void theSameAmountWrittenAnotherWayIsTheSameRequest() {
        String card = addCard(asAlice, APPROVE);
        Api.Response first = post(asAlice, WALLET + "/topups", Map.of("card_id", card, "amount", "12.5"), "top-2");
        Api.Response retry = post(asAlice, WALLET + "/topups",
                Map.of("card_id", card, "amount", "12.50", "asset", "EUR"), "top-2");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(1250);
    }

    @Test
    void aRetriedWithdrawalGetsItsFirstAnswerAndPaysOutOnce() {
        String card = fund(asAlice, "50.00");
        Map<String, Object> body = Map.of("card_id", card, "amount", "20.00", "asset", "EUR");

        Api.Response first = post(asAlice, WALLET + "/withdrawals", body, "out-1");
        Api.Response retry = post(asAlice, WALLET + "/withdrawals", body, "out-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(3000);
        assertThat(ok(asAlice.get(WALLET + "/withdrawals")).size()).isEqualTo(1);
    }

    @Test
    void aRetriedChargeGetsItsFirstPendingAnswerAfterItWasPaid() {
        bobIsAMerchantFor();
        fund(asAlice, "100.00");
        Map<String, Object> body = Map.of("account", "@" + alice.username(), "amount", "30.00", "description", "Seat 12");
        Api.Response first = post(asBob, WALLET + "/merchant/charges", body, "charge-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String id = first.json().get("id").asString();
        assertThat(ok(asAlice.postJson(WALLET + "/charges/" + id + "/confirm", Map.of())).get("status").asString())
                .isEqualTo("succeeded");

        Api.Response retry = post(asBob, WALLET + "/merchant/charges", body, "charge-1");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.json().get("status").asString()).isEqualTo("pending");
        assertThat(ok(asBob.get(WALLET + "/merchant/charges")).size()).isEqualTo(1);
        assertThat(balance(alice)).isEqualTo(7000);
    }

    @Test
    void aRetriedRefundGetsItsFirstAnswerAndRefundsOnce() {
        bobIsAMerchantFor();
        fund(asAlice, "100.00");
        String id = bobCharges("30.00");
        ok(asAlice.postJson(WALLET + "/charges/" + id + "/confirm", Map.of()));
        String refunds = WALLET + "/merchant/charges/" + id + "/refunds";

        Api.Response first = post(asBob, refunds, Map.of("amount", "5.00"), "refund-1");
        Api.Response retry = post(asBob, refunds, Map.of("amount", "5.00"), "refund-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(alice)).isEqualTo(7500);
        KeyedConfirmsTest.assertOtherRequest(post(asBob, refunds, Map.of("amount", "6.00"), "refund-1"));
        assertThat(balance(alice)).isEqualTo(7500);
    }

    @Test
    void aRetriedMoneyRequestGetsItsFirstAnswerAfterItWasDeclined() {
        Map<String, Object> body = Map.of("payer", "@" + bob.username(), "amount", "3", "note", "pizza");
        Api.Response first = post(asAlice, WALLET + "/requests", body, "ask-9");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String id = first.json().get("id").asString();
        ok(asBob.postJson(WALLET + "/requests/" + id + "/decline", Map.of()));

        Api.Response retry = post(asAlice, WALLET + "/requests", body, "ask-9");

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ok(asBob.get(WALLET + "/requests?state=declined")).size()).isEqualTo(1);
        assertThat(ok(asBob.get(WALLET + "/requests?state=pending")).size()).isZero();
    }

    @Test
    void eightParallelTopUpsWithOneKeyMakeOneAndAnswerAlike() throws Exception {
        String card = addCard(asAlice, APPROVE);
        Map<String, Object> body = Map.of("card_id", card, "amount", "10.00");

        List<Api.Response> answers = WalletConcurrencyTest.inParallel(8,
                () -> post(asAlice, WALLET + "/topups", body, "burst"));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 409));
        assertThat(answers.stream().filter(r -> r.status() == 200).map(Api.Response::body).distinct()).hasSize(1);
        assertThat(ok(asAlice.get(WALLET + "/topups")).size()).isEqualTo(1);
        assertThat(balance(alice)).isEqualTo(1000);
    }

    @Test
    void aTopUpMadeByAServerThatDiedBeforeAnsweringIsAnsweredAsItIsNeverMadeTwice() {
        String card = addCard(asAlice, CHALLENGE);
        Map<String, Object> body = Map.of("card_id", card, "amount", "40.00");
        String id = ok(post(asAlice, WALLET + "/topups", body, "crash-1")).get("id").asString();
        ok(post(asAlice, WALLET + "/topups/" + id + "/confirm", Map.of("code", "123456"), null));

        forgetAnswer(alice, "crash-1", Duration.ofSeconds(10));
        Api.Response soon = post(asAlice, WALLET + "/topups", body, "crash-1");
        assertThat(soon.status()).as("the first request may still be running: " + soon).isEqualTo(409);

        forgetAnswer(alice, "crash-1", Duration.ofMinutes(3));
        Api.Response late = post(asAlice, WALLET + "/topups", body, "crash-1");
        Api.Response again = post(asAlice, WALLET + "/topups", body, "crash-1");

        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.json().get("id").asString()).isEqualTo(id);
        assertThat(late.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(again.body()).as("that answer is now the stored one").isEqualTo(late.body());
        assertThat(ok(asAlice.get(WALLET + "/topups")).size()).isEqualTo(1);
        assertThat(balance(alice)).isEqualTo(4000);
    }

    /** What a server that died after the top-up's transaction but before storing its answer leaves behind. */
    private void forgetAnswer(User user, String key, Duration claimedAgo) {
        int updated = jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = NULL, response_body = NULL, created_at = ?
                        WHERE owner_id = ? AND idem_key = ? AND resource_id IS NOT NULL""")
                .params(SqlTime.of(Instant.now().minus(claimedAgo)), Long.parseLong(user.id()), key).update();
        assertThat(updated).isEqualTo(1);
    }
}
