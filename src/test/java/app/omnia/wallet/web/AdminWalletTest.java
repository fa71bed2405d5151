package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.wallet.LedgerInvariants;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admin adjustments (the only way money starts in tests), the invariant check and who may use them. */
@IntegrationTest
class AdminWalletTest extends WalletFixture {

    @Autowired
    LedgerInvariants invariants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void adjustmentsAreAdminOnlyAuditedAndComeFromIssuance() {
        Api.Response byUser = asAlice.postJson(ADMIN + "/adjustments", Map.of("account_id", alice.id(), "amount", "5",
                "note", "free money"));
        assertThat(byUser.status()).isEqualTo(403);

        credit(alice, "5", "EUR");
        Api.Response debit = asAdmin.postJson(ADMIN + "/adjustments", Map.of("account_id", alice.id(),
                "direction", "debit", "amount", "2", "note", "correction"));
        assertThat(debit.status()).as(debit.toString()).isEqualTo(200);
        assertThat(balance(asAlice, "EUR")).isEqualTo(300);
        assertProblem(asAdmin.postJson(ADMIN + "/adjustments", Map.of("account_id", alice.id(), "direction", "debit",
                "amount", "4", "note", "too much")), 422, "amount");
        assertProblem(asAdmin.postJson(ADMIN + "/adjustments", Map.of("account_id", alice.id(), "amount", "4")), 422,
                "note");
        assertProblem(asAdmin.postJson(ADMIN + "/adjustments", Map.of("account_id", "123", "amount", "4",
                "note", "x")), 422, "account_id");

        JsonNode audit = asAdmin.get("/api/omnia/v1/admin/audit_log?account_id=" + alice.id()).json();
        assertThat(audit.findValuesAsString("action")).containsExactly("wallet.adjustment.debit",
                "wallet.adjustment.credit");
        assertThat(audit.get(0).get("actor_id").asString()).isEqualTo(adminUser.id());
        assertThat(audit.get(0).get("detail").asString()).contains("2.00 EUR").contains("correction");
    }

    @Test
    void theInvariantEndpointIsForAdminsOnly() {
        assertThat(asAlice.get(ADMIN + "/invariants").status()).isEqualTo(403);
        assertThat(api.get(ADMIN + "/invariants").status()).isEqualTo(401);
        Api.Response ok = asAdmin.get(ADMIN + "/invariants");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).as(ok.body()).isTrue();
    }

    @Test
    void theDatabaseRefusesToRewriteTheJournal() {
        credit(alice, "5", "EUR");
        long entry = jdbc.sql("""
                SELECT MAX(l.entry_id) FROM wallet_lines l JOIN wallet_accounts a ON a.id = l.account_id
                WHERE a.owner_id = ?""").param(Long.parseLong(alice.id())).query(Long.class).single();
        for (String change : List.of("UPDATE wallet_entries SET amount = amount + 1 WHERE id = ?",
                "DELETE FROM wallet_entries WHERE id = ?", "UPDATE wallet_lines SET amount = amount * 2 WHERE entry_id = ?",
                "DELETE FROM wallet_lines WHERE entry_id = ?")) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql(change).param(entry).update()))
                    .as(change).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wallet_lines WHERE entry_id = ?").param(entry).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(invariants.check().ok()).isTrue();
    }

    @Test
    void aBrokenLedgerIsReported() {
        credit(alice, "5", "EUR");
        long account = jdbc.sql("SELECT id FROM wallet_accounts WHERE owner_id = ?").param(Long.parseLong(alice.id()))
                .query(Long.class).single();
        // Break it inside a transaction that is rolled back, so the shared database stays sound.
        LedgerInvariants.Report broken = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("UPDATE wallet_accounts SET balance = balance + 1 WHERE id = ?").param(account).update();
            return invariants.check();
        });
        assertThat(broken.ok()).isFalse();
        assertThat(broken.violations()).anyMatch(v -> v.contains("sum to 1"))
                .anyMatch(v -> v.contains("Account " + account));
        assertThat(invariants.check().ok()).as("rolled back").isTrue();
    }
}
