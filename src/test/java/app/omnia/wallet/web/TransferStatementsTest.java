package app.omnia.wallet.web;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one transfer costs the request's own thread in SQL (the ledger writer's share is held by LedgerTest).
 * Once the caches are warm (the token, both accounts, the payer's blocks, both wallet account ids) none, with
 * an Idempotency-Key too: the writer claims the key with the posting, and only a request that fails
 * validation looks its key up. It was 1 with a key (the lookup before validating), 6 before those caches, 16
 * when the payee was rendered as a Mastodon account and every relationship flag read.
 */
@IntegrationTest
class TransferStatementsTest extends WalletFixture {

    @Test
    void aTransferWithWarmCachesRunsNoStatementOnItsRequestThread() {
        credit(alice, "10.00", "EUR");
        transfer(asAlice, "@" + bob.username(), "1.00", "EUR", null); // the caches are warm from here on
        Map<String, Object> body = Map.of("to", "@" + bob.username(), "amount", "1.00", "asset", "EUR");

        int withoutKey = SqlStatements.countPostJson(asAlice, WALLET + "/transfers", body);
        assertThat(withoutKey).as(SqlStatements.lastStatements()).isZero();
        int withKey = SqlStatements.countPostJson(asAlice, WALLET + "/transfers", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(withKey).as(SqlStatements.lastStatements()).isZero();

        assertThat(balance(asBob, "EUR")).isEqualTo(300);
    }
}
