package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile counters are kept on every change (never counted on read) and stay exact. */
@IntegrationTest
class AccountCountsTest extends TwoPeopleTest {

    private JsonNode account(String id) {
        return api.get("/api/v1/accounts/" + id).json();
    }

    @Test
    void statusesFollowersAndFollowingFollowEveryChange() {
        String first = asAlice.postForm("/api/v1/statuses", Api.form("status", "one")).json().get("id").asString();
        asAlice.postForm("/api/v1/statuses", Api.form("status", "two"));
        asBob.postForm("/api/v1/statuses/" + first + "/reblog", Map.of());
        assertThat(account(alice.id()).get("statuses_count").asLong()).isEqualTo(2);
        assertThat(account(bob.id()).get("statuses_count").asLong()).isEqualTo(1);

        // Deleting the original takes bob's reblog of it with it, on both counters.
        asAlice.delete("/api/v1/statuses/" + first);
        assertThat(account(alice.id()).get("statuses_count").asLong()).isEqualTo(1);
        assertThat(account(bob.id()).get("statuses_count").asLong()).isZero();

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of()); // twice is once
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/follow", Map.of());
        assertThat(account(alice.id()).get("followers_count").asLong()).isEqualTo(1);
        assertThat(account(alice.id()).get("following_count").asLong()).isEqualTo(1);
        assertThat(account(bob.id()).get("following_count").asLong()).isEqualTo(1);

        // A block removes the follows both ways, and the counters with them.
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Map.of());
        JsonNode alicesNow = account(alice.id());
        assertThat(alicesNow.get("followers_count").asLong()).isZero();
        assertThat(alicesNow.get("following_count").asLong()).isZero();
        assertThat(account(bob.id()).get("following_count").asLong()).isZero();
        assertThat(asAlice.get("/api/v1/accounts/verify_credentials").json().get("statuses_count").asLong())
                .isEqualTo(1);
    }
}
