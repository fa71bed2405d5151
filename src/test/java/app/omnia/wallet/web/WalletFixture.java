package app.omnia.wallet.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.Api;
import app.omnia.support.TestAccounts;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Alice, bob and an admin who can put money into wallets (the audited adjustment), over HTTP. */
abstract class WalletFixture extends TwoPeopleTest {

    static final String WALLET = "/api/omnia/v1/wallet";
    static final String ADMIN = "/api/omnia/v1/admin/wallet";

    @Autowired
    Accounts accounts;

    TestAccounts.User adminUser;
    Api asAdmin;

    @BeforeEach
    void anAdmin() {
        adminUser = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(adminUser.id()), Role.ADMIN, Instant.now());
        asAdmin = api.withToken(adminUser.token());
    }

    /** Credits {@code amount} (a decimal string) of {@code asset} to the user, through the admin adjustment. */
    void credit(TestAccounts.User user, String amount, String asset) {
        Api.Response r = asAdmin.postJson(ADMIN + "/adjustments", Map.of("account_id", user.id(), "amount", amount,
                "asset", asset, "note", "test money"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static Api.Response transfer(Api as, String to, String amount, String asset, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("amount", amount);
        body.put("asset", asset);
        return transfer(as, body, key);
    }

    static Api.Response transfer(Api as, Map<String, Object> body, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        return as.send("POST", WALLET + "/transfers", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)), headers);
    }

    /** The user's balance in minor units of this asset. */
    static long balance(Api as, String asset) {
        Api.Response r = as.get(WALLET + "/balances");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode b : r.json()) {
            if (b.get("asset").asString().equals(asset)) {
                return b.get("balance_minor").asLong();
            }
        }
        throw new AssertionError("No balance for " + asset + " in " + r.body());
    }

    static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
    }
}
