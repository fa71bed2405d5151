package app.omnia.wallet.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Money requests: ask, list, pay (once), decline, cancel, and other people's requests. */
@IntegrationTest
class MoneyRequestsTest extends WalletFixture {

    static final String REQUESTS = WALLET + "/requests";

    private JsonNode ask(Api as, TestAccounts.User payer, String amount) {
        Api.Response r = as.postJson(REQUESTS, Map.of("payer", "@" + payer.username(), "amount", amount,
                "asset", "EUR", "note", "pizza"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void thePayerSeesTheRequestAndPaysItThroughATransferOnce() {
        credit(bob, "20", "EUR");
        JsonNode request = ask(asAlice, bob, "7.50");
        String id = request.get("id").asString();
        assertThat(request.get("state").asString()).isEqualTo("pending");

        assertThat(ids(asBob.get(REQUESTS + "?state=pending").json())).containsExactly(id);
        assertThat(ids(asAlice.get(REQUESTS + "?box=outgoing").json())).containsExactly(id);
        assertThat(ids(asBob.get(REQUESTS + "?state=paid").json())).isEmpty();
        assertThat(asAlice.get(REQUESTS).json()).as("alice was asked nothing").isEmpty();

        Api.Response paid = asBob.postJson(REQUESTS + "/" + id + "/approve", Map.of());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().get("amount").asString()).isEqualTo("7.50");
        assertThat(paid.json().get("note").asString()).isEqualTo("pizza");
        assertThat(balance(asBob, "EUR")).isEqualTo(1250);
        assertThat(balance(asAlice, "EUR")).isEqualTo(750);

        JsonNode after = asAlice.get(REQUESTS + "/" + id).json();
        assertThat(after.get("state").asString()).isEqualTo("paid");
        assertThat(after.get("transaction_id").asString()).isEqualTo(paid.json().get("id").asString());

        Api.Response twice = asBob.postJson(REQUESTS + "/" + id + "/approve", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(balance(asBob, "EUR")).isEqualTo(1250);
        assertThat(asAlice.postJson(REQUESTS + "/" + id + "/cancel", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void approvingWithoutTheMoneyIsRefusedAndTheRequestStaysPending() {
        String id = ask(asAlice, bob, "5").get("id").asString();
        Api.Response broke = asBob.postJson(REQUESTS + "/" + id + "/approve", Map.of());
        assertProblem(broke, 422, "amount");
        assertThat(asBob.get(REQUESTS + "/" + id).json().get("state").asString()).isEqualTo("pending");
    }

    /** Verified, so that 1,500 EUR is within the payer's caps and only the confirmation stands in the way. */
    private void verifiedWith(TestAccounts.User payer, String euros) {
        Api.Response verified = asAdmin.postForm("/api/omnia/v1/admin/accounts/" + payer.id() + "/verifications",
                Api.form("kind", "identity"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        credit(payer, euros, "EUR");
    }

    @Test
    void approvingALargeRequestWaitsForThePayersSecondConfirmation() {
        verifiedWith(bob, "2500");
        String small = ask(asAlice, bob, "1000.00").get("id").asString();
        String large = ask(asAlice, bob, "1500.00").get("id").asString();

        Api.Response paidAtOnce = asBob.postJson(REQUESTS + "/" + small + "/approve", Map.of());
        assertThat(paidAtOnce.status()).as("at the threshold: paid at once " + paidAtOnce).isEqualTo(200);
        assertThat(balance(asAlice, "EUR")).isEqualTo(100000);

        Map<String, String> key = Map.of("Idempotency-Key", "approve-large-1");
        Api.Response asked = asBob.send("POST", REQUESTS + "/" + large + "/approve", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{}"), key);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().get("status").asString()).isEqualTo("requires_confirmation");
        assertThat(asked.json().get("amount").asString()).isEqualTo("1500.00");
        String confirmation = asked.json().get("confirmation_id").asString();
        Api.Response retried = asBob.send("POST", REQUESTS + "/" + large + "/approve", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{}"), key);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("confirmation_id").asString()).as("the retry is the first answer")
                .isEqualTo(confirmation);
        assertThat(balance(asAlice, "EUR")).as("nothing moved yet").isEqualTo(100000);
        assertThat(balance(asBob, "EUR")).isEqualTo(150000);
        assertThat(asBob.get(REQUESTS + "/" + large).json().get("state").asString()).isEqualTo("pending");

        String confirm = WALLET + "/confirmations/" + confirmation + "/confirm";
        assertThat(asAlice.postJson(confirm, Map.of()).status()).as("the requester cannot confirm").isEqualTo(404);
        assertThat(balance(asAlice, "EUR")).isEqualTo(100000);

        Api.Response done = asBob.postJson(confirm, Map.of());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("type").asString()).isEqualTo("money_request");
        JsonNode paid = asAlice.get(REQUESTS + "/" + large).json();
        assertThat(paid.get("state").asString()).isEqualTo("paid");
        assertThat(paid.get("transaction_id").asString()).isEqualTo(done.json().get("ref_id").asString());
        assertThat(balance(asAlice, "EUR")).isEqualTo(250000);
        assertThat(balance(asBob, "EUR")).isZero();

        assertThat(asBob.postJson(confirm, Map.of()).status()).as("used once").isEqualTo(422);
        assertThat(balance(asAlice, "EUR")).isEqualTo(250000);
    }

    @Test
    void aSecondConfirmationOfAnAlreadyPaidRequestMovesNothing() {
        verifiedWith(bob, "5000");
        String id = ask(asAlice, bob, "1500.00").get("id").asString();
        String first = asBob.postJson(REQUESTS + "/" + id + "/approve", Map.of()).json().get("confirmation_id").asString();
        String second = asBob.postJson(REQUESTS + "/" + id + "/approve", Map.of()).json().get("confirmation_id").asString();
        assertThat(second).isNotEqualTo(first);

        assertThat(asBob.postJson(WALLET + "/confirmations/" + first + "/confirm", Map.of()).status()).isEqualTo(200);
        assertThat(asBob.postJson(WALLET + "/confirmations/" + second + "/confirm", Map.of()).status())
                .as("the request is paid already").isEqualTo(409);
        assertThat(balance(asAlice, "EUR")).isEqualTo(150000);
        assertThat(balance(asBob, "EUR")).isEqualTo(350000);
    }

    @Test
    void thePayerDeclinesAndTheRequesterCancelsButNotTheOtherWayRound() {
        String declined = ask(asAlice, bob, "1").get("id").asString();
        String cancelled = ask(asAlice, bob, "2").get("id").asString();

        assertThat(asAlice.postJson(REQUESTS + "/" + declined + "/decline", Map.of()).status()).isEqualTo(403);
        assertThat(asAlice.postJson(REQUESTS + "/" + declined + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(asBob.postJson(REQUESTS + "/" + cancelled + "/cancel", Map.of()).status()).isEqualTo(403);

        Api.Response decline = asBob.postJson(REQUESTS + "/" + declined + "/decline", Map.of());
        Api.Response cancel = asAlice.postJson(REQUESTS + "/" + cancelled + "/cancel", Map.of());

        assertThat(decline.json().get("state").asString()).isEqualTo("declined");
        assertThat(cancel.json().get("state").asString()).isEqualTo("cancelled");
        credit(bob, "5", "EUR");
        assertThat(asBob.postJson(REQUESTS + "/" + cancelled + "/approve", Map.of()).status()).isEqualTo(409);
        assertThat(balance(asBob, "EUR")).isEqualTo(500);
    }

    @Test
    void someoneElsesRequestIsNotFound() {
        String id = ask(asAlice, bob, "1").get("id").asString();
        Api asCarol = api.withToken(TestAccounts.newUser(api, "read write").token());

        assertThat(asCarol.get(REQUESTS + "/" + id).status()).isEqualTo(404);
        assertThat(asCarol.postJson(REQUESTS + "/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(asCarol.postJson(REQUESTS + "/" + id + "/decline", Map.of()).status()).isEqualTo(404);
        assertThat(asCarol.postJson(REQUESTS + "/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(asCarol.get(REQUESTS + "/12345").status()).isEqualTo(404);
    }

    @Test
    void badRequestsNameTheirFieldAndAKeyMakesARetryReturnTheFirst() {
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + alice.username(), "amount", "1")), 422, "payer");
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + bob.username(), "amount", "0")), 422, "amount");
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + bob.username(), "amount", "1.001")), 422,
                "amount");
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + bob.username(), "amount", "1", "asset", "ZZZ")),
                422, "asset");

        Map<String, String> key = Map.of("Idempotency-Key", "ask-1");
        String body = Api.JSON.writeValueAsString(Map.of("payer", "@" + bob.username(), "amount", "3"));
        Api.Response first = asAlice.send("POST", REQUESTS, "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);
        Api.Response again = asAlice.send("POST", REQUESTS, "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(asBob.get(REQUESTS).json()).hasSize(1);
    }

    @Test
    void anUnknownOrBlockedPayerAndANegativeAmountAreRefusedAndNothingIsAsked() {
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + TestAccounts.uniqueName("nobody"), "amount", "1")),
                422, "payer");
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "99999999999", "amount", "1")), 422, "payer");
        assertProblem(asAlice.postJson(REQUESTS, Map.of("payer", "@" + bob.username(), "amount", "-5")), 422, "amount");

        Api.Response block = asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertThat(block.status()).as(block.toString()).isEqualTo(200);
        Api.Response blocked = asAlice.postJson(REQUESTS, Map.of("payer", "@" + bob.username(), "amount", "1"));
        assertProblem(blocked, 403, "payer");
        assertThat(blocked.json().get("type").asString()).isEqualTo("urn:omnia:problem:wallet-blocked");

        assertThat(asAlice.get(REQUESTS + "?box=outgoing").json()).isEmpty();
        assertThat(asBob.get(REQUESTS).json()).isEmpty();
    }

    @Test
    void thePayerHearsTheRequestOnTheWalletStream() {
        try (StreamClient bobs = StreamClient.open(port, "", b -> b.subprotocols(bob.token())).subscribe("wallet")) {
            String id = ask(asAlice, bob, "4").get("id").asString();
            JsonNode heard = bobs.next();
            assertThat(heard.get("event").asString()).isEqualTo("wallet.request");
            JsonNode payload = StreamClient.payload(heard);
            assertThat(payload.get("id").asString()).isEqualTo(id);
            assertThat(payload.get("requester").get("username").asString()).isEqualTo(alice.username());
        }
    }
}
