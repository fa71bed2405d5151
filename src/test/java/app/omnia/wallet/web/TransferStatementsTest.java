package app.omnia.wallet.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one transfer costs the request's own thread in SQL (the ledger writer's share is held by LedgerTest).
 */
@IntegrationTest
class TransferStatementsTest extends WalletFixture {

    @Test
    void aTransferRunsABoundedNumberOfStatementsOnItsRequestThread() {
        credit(alice, "10.00", "EUR");
        transfer(asAlice, "@" + bob.username(), "1.00", "EUR", null); // wallet accounts exist from here on

        int statements = SqlStatements.countPostJson(asAlice, WALLET + "/transfers",
                Map.of("to", "@" + bob.username(), "amount", "1.00", "asset", "EUR"));

        // 6 here; it was 16 when the payee was rendered as a Mastodon account and every relationship flag read.
        assertThat(statements).isLessThanOrEqualTo(6);
        assertThat(balance(asBob, "EUR")).isEqualTo(200);
    }
}
