package app.omnia.wallet.web;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assets of the operator's own beside ISO currencies (the tests' settings add {@code POINTS:0} and
 * {@code USDC:6}): held, sent and shown in their own units, and refused when over-precise or unknown.
 */
@IntegrationTest
class WalletCustomAssetsTest extends WalletFixture {

    @Test
    void pointsAndAStablecoinMoveInTheirOwnUnits() {
        credit(alice, "1500", "POINTS");
        credit(alice, "2.5", "USDC");

        Api.Response points = transfer(asAlice, "@" + bob.username(), "250", "points", null);
        assertThat(points.status()).as(points.toString()).isEqualTo(200);
        assertThat(points.json().get("amount").asString()).isEqualTo("250");
        Api.Response tiny = transfer(asAlice, "@" + bob.username(), "0.000001", "USDC", null);
        assertThat(tiny.status()).as(tiny.toString()).isEqualTo(200);

        assertThat(balance(asBob, "POINTS")).isEqualTo(250);
        assertThat(balance(asBob, "USDC")).isEqualTo(1);
        assertThat(balance(asAlice, "USDC")).isEqualTo(2_499_999);
        JsonNode usdc = null;
        for (JsonNode b : asAlice.get(WALLET + "/balances").json()) {
            if (b.get("asset").asString().equals("USDC")) {
                usdc = b;
            }
        }
        assertThat(usdc).isNotNull();
        assertThat(usdc.get("minor_units").asInt()).isEqualTo(6);
        assertThat(usdc.get("balance").asString()).isEqualTo("2.499999");

        JsonNode history = asBob.get(WALLET + "/transactions?asset=POINTS").json();
        assertThat(history.get(0).get("amount").asString()).isEqualTo("250");
        assertThat(asBob.get(WALLET + "/transactions.csv?asset=USDC").body()).contains("0.000001");
    }

    @Test
    void overPreciseAndUnknownAssetsAreRefusedNamingTheField() {
        credit(alice, "10", "POINTS");
        assertProblem(transfer(asAlice, "@" + bob.username(), "1.5", "POINTS", null), 422, "amount");
        Api.Response unknown = transfer(asAlice, "@" + bob.username(), "1", "MILES", null);
        assertProblem(unknown, 422, "asset");
        assertThat(unknown.body()).contains("POINTS").contains("USDC");
        assertThat(balance(asAlice, "POINTS")).isEqualTo(10);
    }
}
