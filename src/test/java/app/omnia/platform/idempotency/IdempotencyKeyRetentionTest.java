package app.omnia.platform.idempotency;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keys are kept 24 hours": the hourly purge job leaves a key of 23 hours (a retry still gets the first
 * answer) and forgets one of 25 hours. Keys are aged by moving their creation time back, as the hours would.
 */
@IntegrationTest
class IdempotencyKeyRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    IdempotencyKeyPurge purgeJob;

    @Autowired
    JdbcClient jdbc;

    TestAccounts.User alice;
    Api asAlice;
    String card;

    @BeforeEach
    void aliceWithACard() {
        Api api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write");
        asAlice = api.withToken(alice.token());
        Api.Response added = asAlice.postJson("/api/omnia/v1/wallet/cards",
                Map.of("number", "4242424242424242", "exp_month", 12, "exp_year", 2035, "cvc", "123"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        card = added.json().get("id").asString();
    }

    @Test
    void aKeyOf23HoursIsKeptAndReplayed() {
        String first = topUp("keep-me");
        age("keep-me", Duration.ofHours(23));

        purgeJob.purge();

        assertThat(keyExists("keep-me")).isTrue();
        assertThat(topUp("keep-me")).isEqualTo(first);
        assertThat(topUps()).isEqualTo(1);
    }

    @Test
    void aKeyOf25HoursIsPurgedAndTheSameKeyThenStartsAnew() {
        String first = topUp("forget-me");
        age("forget-me", Duration.ofHours(25));

        purgeJob.purge();

        assertThat(keyExists("forget-me")).isFalse();
        assertThat(topUp("forget-me")).isNotEqualTo(first);
        assertThat(topUps()).isEqualTo(2);
    }

    private String topUp(String key) {
        Api.Response response = asAlice.send("POST", "/api/omnia/v1/wallet/topups", "application/json",
                HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                        Map.of("card_id", card, "amount", "5.00", "asset", "EUR"))),
                Map.of("Idempotency-Key", key));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asString();
    }

    private int topUps() {
        return asAlice.get("/api/omnia/v1/wallet/topups").json().size();
    }

    private void age(String key, Duration by) {
        int aged = jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE owner_id = ? AND idem_key = ?")
                .params(SqlTime.of(Instant.now().minus(by)), Long.parseLong(alice.id()), key).update();
        assertThat(aged).isEqualTo(1);
    }

    private boolean keyExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE owner_id = ? AND idem_key = ?")
                .params(Long.parseLong(alice.id()), key).query(Long.class).single() == 1;
    }
}
