package app.omnia.wallet.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.wallet.persistence.Notices;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What waits in one's wallet while away (no socket open): payments received since it was last opened, money
 * requests and merchant charges waiting for an answer.
 */
@IntegrationTest
class WalletNoticesTest extends WalletFixture {

    static final String NOTICES = WALLET + "/notices";

    @Autowired
    Notices notices;

    private static JsonNode notices(Api as) {
        Api.Response r = as.get(NOTICES);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void paymentsReceivedWhileAwayWaitUntilTheWalletIsOpened() {
        credit(alice, "50", "EUR");
        assertThat(notices(asAlice).get("received").asInt()).as("an admin's credit is not a payment from someone")
                .isZero();
        assertThat(transfer(asAlice, "@" + bob.username(), "5", "EUR", null).status()).isEqualTo(200);
        assertThat(transfer(asAlice, "@" + bob.username(), "2", "EUR", null).status()).isEqualTo(200);

        assertThat(notices(asBob).get("received").asInt()).isEqualTo(2);
        assertThat(notices(asAlice).get("received").asInt()).as("the payer received nothing").isZero();

        Api.Response read = asBob.postJson(NOTICES + "/read", Map.of());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("received").asInt()).isZero();
        assertThat(notices(asBob).get("received").asInt()).isZero();

        assertThat(transfer(asAlice, "@" + bob.username(), "1", "EUR", null).status()).isEqualTo(200);
        assertThat(notices(asBob).get("received").asInt()).as("only what came after").isEqualTo(1);
        assertThat(asAlice.postJson(NOTICES + "/read", Map.of()).json().get("received").asInt())
                .as("alice's read leaves bob's alone").isZero();
        assertThat(notices(asBob).get("received").asInt()).isEqualTo(1);
    }

    @Test
    void openingTheWalletMovesTheMarkInOneStatement() {
        credit(alice, "20", "EUR");
        long bobId = Long.parseLong(bob.id());
        assertThat(SqlStatements.countHere(() -> notices.seeAll(bobId))).as("nothing received yet").isEqualTo(1);
        assertThat(transfer(asAlice, "@" + bob.username(), "5", "EUR", null).status()).isEqualTo(200);
        assertThat(SqlStatements.countHere(() -> notices.seeAll(bobId))).as("the first mark").isEqualTo(1);
        assertThat(notices(asBob).get("received").asInt()).isZero();

        assertThat(transfer(asAlice, "@" + bob.username(), "2", "EUR", null).status()).isEqualTo(200);
        assertThat(notices(asBob).get("received").asInt()).isEqualTo(1);
        assertThat(SqlStatements.countHere(() -> notices.seeAll(bobId))).as("the mark moved").isEqualTo(1);
        assertThat(notices(asBob).get("received").asInt()).isZero();
    }

    @Test
    void requestsAndChargesCountUntilAnswered() {
        Api.Response asked = asBob.postJson(MoneyRequestsTest.REQUESTS, Map.of("payer", "@" + alice.username(),
                "amount", "3", "asset", "EUR"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asAdmin.postJson(ADMIN + "/merchants/" + bob.id(), Map.of()).status()).isEqualTo(200);
        Api.Response charged = asBob.postJson(WALLET + "/merchant/charges", Map.of("account", "@" + alice.username(),
                "amount", "4.00", "description", "Concert ticket"));
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);

        JsonNode waiting = notices(asAlice);
        assertThat(waiting.get("money_requests").asInt()).isEqualTo(1);
        assertThat(waiting.get("charges").asInt()).isEqualTo(1);
        assertThat(asAlice.postJson(NOTICES + "/read", Map.of()).json().get("money_requests").asInt())
                .as("opening the wallet does not answer them").isEqualTo(1);
        JsonNode bobs = notices(asBob);
        assertThat(bobs.get("money_requests").asInt() + bobs.get("charges").asInt()).as("the asker waits for nothing")
                .isZero();

        String request = asked.json().get("id").asString();
        assertThat(asAlice.postJson(MoneyRequestsTest.REQUESTS + "/" + request + "/decline", Map.of()).status())
                .isEqualTo(200);
        String charge = charged.json().get("id").asString();
        assertThat(asAlice.postJson(WALLET + "/charges/" + charge + "/decline", Map.of()).status()).isEqualTo(200);
        JsonNode answered = notices(asAlice);
        assertThat(answered.get("money_requests").asInt()).isZero();
        assertThat(answered.get("charges").asInt()).isZero();
    }

    @Test
    void onlyTheSignedInPersonsOwn() {
        assertThat(api.stranger().get(NOTICES).status()).isEqualTo(401);
        assertThat(api.stranger().postJson(NOTICES + "/read", Map.of()).status()).isEqualTo(401);
    }
}
