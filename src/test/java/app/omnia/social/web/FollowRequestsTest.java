package app.omnia.social.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A locked account decides who follows it: follows wait as requests until authorized or rejected. */
@IntegrationTest
class FollowRequestsTest {

    @LocalServerPort
    int port;

    Api api;
    User locked;
    User fan;
    Api asLocked;
    Api asFan;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        locked = TestAccounts.newUser(api, "read write follow");
        fan = TestAccounts.newUser(api, "read write follow");
        asLocked = api.withToken(locked.token());
        asFan = api.withToken(fan.token());
        asLocked.patchForm("/api/v1/accounts/update_credentials", Api.form("locked", "true"));
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }

    @Test
    void aFollowWaitsUntilAuthorized() {
        String secret = asLocked.postForm("/api/v1/statuses", Api.form("status", "followers only",
                "visibility", "private")).json().get("id").asString();

        JsonNode requested = asFan.postForm("/api/v1/accounts/" + locked.id() + "/follow", Api.form()).json();

        assertThat(requested.get("requested").asBoolean()).isTrue();
        assertThat(requested.get("following").asBoolean()).isFalse();
        assertThat(asFan.get("/api/v1/statuses/" + secret).status()).isEqualTo(404);
        assertThat(ids(asLocked.get("/api/v1/follow_requests").json())).containsExactly(fan.id());
        assertThat(asLocked.get("/api/v1/accounts/verify_credentials").json().at("/source/follow_requests_count")
                .asInt()).isEqualTo(1);
        assertThat(asLocked.get("/api/v1/notifications").json().get(0).get("type").asString())
                .isEqualTo("follow_request");

        JsonNode authorized = asLocked.postForm("/api/v1/follow_requests/" + fan.id() + "/authorize", Api.form()).json();

        assertThat(authorized.get("followed_by").asBoolean()).isTrue();
        assertThat(asFan.get("/api/v1/statuses/" + secret).status()).isEqualTo(200);
        assertThat(asLocked.get("/api/v1/follow_requests").json()).isEmpty();
    }

    @Test
    void aRejectedOrWithdrawnRequestLeavesNoFollow() {
        asFan.postForm("/api/v1/accounts/" + locked.id() + "/follow", Api.form());
        assertThat(asLocked.postForm("/api/v1/follow_requests/" + fan.id() + "/reject", Api.form()).status())
                .isEqualTo(200);
        assertThat(asLocked.postForm("/api/v1/follow_requests/" + fan.id() + "/authorize", Api.form()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + locked.id()).json().get("followers_count").asLong()).isZero();

        asFan.postForm("/api/v1/accounts/" + locked.id() + "/follow", Api.form());
        JsonNode withdrawn = asFan.postForm("/api/v1/accounts/" + locked.id() + "/unfollow", Api.form()).json();
        assertThat(withdrawn.get("requested").asBoolean()).isFalse();
        assertThat(asLocked.get("/api/v1/follow_requests").json()).isEmpty();
    }
}
