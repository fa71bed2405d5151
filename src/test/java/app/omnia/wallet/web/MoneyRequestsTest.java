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
