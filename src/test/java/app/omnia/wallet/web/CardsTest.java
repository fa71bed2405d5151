package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving debit cards: checks, tokenisation, what is kept and shown, and whose cards one may touch. */
@IntegrationTest
class CardsTest {

    static final String VISA = "4242424242424242";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    User alice;
    Api asAlice;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write");
        asAlice = api.withToken(alice.token());
    }

    static Map<String, Object> card(String number, Object month, Object year, String cvc) {
        return Map.of("number", number, "exp_month", month, "exp_year", year, "cvc", cvc);
    }

    @Test
    void aCardIsSavedWithBrandLastFourAndExpiryOnly() {
        Api.Response added = asAlice.postJson("/api/omnia/v1/wallet/cards", card("4242 4242 4242 4242", 12, 2031, "314"));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode json = added.json();
        assertThat(json.get("brand").asString()).isEqualTo("visa");
        assertThat(json.get("last4").asString()).isEqualTo("4242");
        assertThat(json.get("exp_month").asInt()).isEqualTo(12);
        assertThat(json.get("exp_year").asInt()).isEqualTo(2031);
        assertThat(added.body()).doesNotContain(VISA).doesNotContain("314").doesNotContain("tok_");

        Api.Response mastercard = asAlice.postJson("/api/omnia/v1/wallet/cards",
                card("5555555555554444", "3", "32", "123"));
        assertThat(mastercard.json().get("brand").asString()).isEqualTo("mastercard");
        assertThat(mastercard.json().get("exp_year").asInt()).isEqualTo(2032);

        JsonNode listed = asAlice.get("/api/omnia/v1/wallet/cards").json();
        assertThat(listed.findValuesAsString("last4")).containsExactly("4444", "4242");
    }

    @Test
    void neitherTheNumberNorTheSecurityCodeIsStoredInClear() {
        String id = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 1, 2030, "987")).json().get("id").asString();

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM wallet_cards WHERE id = ?").param(Long.parseLong(id))
                .query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(rows.getFirst());
        assertThat(row.keySet()).containsExactlyInAnyOrder("id", "account_id", "network_token", "brand", "last4",
                "exp_month", "exp_year", "created_at");
        assertThat(List.of(row.get("network_token"), row.get("brand"), row.get("last4")).toString())
                .doesNotContain(VISA).doesNotContain("987");
        String token = (String) row.get("network_token");
        String vaulted = jdbc.sql("SELECT sealed_number FROM wallet_sandbox_vault WHERE token = ?").param(token)
                .query(String.class).single();
        assertThat(vaulted).doesNotContain(VISA).doesNotContain("4242");
    }

    @Test
    void badCardsAreRefusedNamingTheFieldWithoutEchoingTheNumber() {
        String badLuhn = "4242424242424241";
        Api.Response luhn = asAlice.postJson("/api/omnia/v1/wallet/cards", card(badLuhn, 12, 2031, "123"));
        Api.Response expired = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 1, 2020, "123"));
        Api.Response badCode = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 12, 2031, "12a4"));
        Api.Response refusedCode = asAlice.postJson("/api/omnia/v1/wallet/cards",
                card("4000000000000101", 12, 2031, "555"));
        Api.Response badMonth = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 13, 2031, "123"));

        assertProblem(luhn, "number");
        assertThat(luhn.body()).doesNotContain(badLuhn).doesNotContain("424242");
        assertProblem(expired, "exp_year");
        assertThat(expired.body()).doesNotContain(VISA);
        assertProblem(badCode, "cvc");
        assertThat(badCode.body()).doesNotContain("12a4").doesNotContain(VISA);
        assertProblem(refusedCode, "cvc");
        assertThat(refusedCode.body()).doesNotContain("4000000000000101").doesNotContain("555");
        assertProblem(badMonth, "exp_month");
        assertThat(asAlice.get("/api/omnia/v1/wallet/cards").json().size()).isZero();
    }

    @Test
    void anotherPersonsCardIsNotFound() {
        User bob = TestAccounts.newUser(api, "read write");
        Api asBob = api.withToken(bob.token());
        String id = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 12, 2031, "123")).json().get("id").asString();

        assertThat(asBob.get("/api/omnia/v1/wallet/cards/" + id).status()).isEqualTo(404);
        assertThat(asBob.delete("/api/omnia/v1/wallet/cards/" + id).status()).isEqualTo(404);
        assertThat(asBob.get("/api/omnia/v1/wallet/cards").json().size()).isZero();
        assertThat(asAlice.get("/api/omnia/v1/wallet/cards/" + id).status()).isEqualTo(200);

        assertThat(asAlice.delete("/api/omnia/v1/wallet/cards/" + id).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/omnia/v1/wallet/cards/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wallet_cards WHERE id = ?").param(Long.parseLong(id))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstCard() {
        Map<String, String> key = Map.of("Idempotency-Key", "card-" + alice.id());
        String body = Api.JSON.writeValueAsString(card(VISA, 12, 2031, "123"));
        Api.Response first = asAlice.send("POST", "/api/omnia/v1/wallet/cards", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);
        Api.Response again = asAlice.send("POST", "/api/omnia/v1/wallet/cards", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);

        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(asAlice.get("/api/omnia/v1/wallet/cards").json().size()).isEqualTo(1);
    }

    @Test
    void pastTenAttemptsADayFurtherCardsAreRateLimitedFailedAttemptsIncluded() {
        // Card testing is a run of failed attempts: ten refused numbers use up the day's allowance.
        for (int i = 0; i < 10; i++) {
            assertProblem(asAlice.postJson("/api/omnia/v1/wallet/cards", card("4242424242424241", 12, 2031, "123")),
                    "number");
        }

        Api.Response limited = asAlice.postJson("/api/omnia/v1/wallet/cards", card(VISA, 12, 2031, "123"));

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).endsWith("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(limited.body()).doesNotContain(VISA);
        assertThat(asAlice.get("/api/omnia/v1/wallet/cards").json().size()).isZero();
        Api asBob = api.withToken(TestAccounts.newUser(api, "read write").token());
        assertThat(asBob.postJson("/api/omnia/v1/wallet/cards", card(VISA, 12, 2031, "123")).status())
                .as("the limit is per account").isEqualTo(200);
    }

    static void assertProblem(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void aSavedCardThatHasSinceExpiredIsRefusedForTopUpsAndWithdrawals() {
        String id = WalletPeople.fund(asAlice, "50.00");
        // The store's expiry moved into the past: the card has expired since it was saved.
        int lastYear = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 1;
        jdbc.sql("UPDATE wallet_cards SET exp_year = ? WHERE id = ?").params(lastYear, Long.parseLong(id)).update();
        String token = jdbc.sql("SELECT network_token FROM wallet_cards WHERE id = ?").param(Long.parseLong(id))
                .query(String.class).single();

        Api.Response topUp = WalletPeople.topUp(asAlice, id, "10.00");
        Api.Response withdrawal = WalletPeople.withdraw(asAlice, id, "10.00");

        for (Api.Response refused : List.of(topUp, withdrawal)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("card_id");
            assertThat(refused.json().get("errors").findValuesAsString("code")).containsExactly("ERR_EXPIRED");
        }
        assertThat(asAlice.get("/api/omnia/v1/wallet/topups").json().size()).as("only the first top-up").isEqualTo(1);
        assertThat(asAlice.get("/api/omnia/v1/wallet/withdrawals").json().size()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wallet_sandbox_transactions WHERE token = ?").param(token)
                .query(Long.class).single()).as("the network was asked once, for the first top-up").isEqualTo(1);
        assertThat(WalletFixture.balance(asAlice, "EUR")).isEqualTo(5000);
    }
}
