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

/** A block removes follows both ways and hides the two accounts from each other on every read path. */
@IntegrationTest
class BlocksTest {

    @LocalServerPort
    int port;

    Api api;
    User alice;
    User mallory;
    Api asAlice;
    Api asMallory;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write follow");
        mallory = TestAccounts.newUser(api, "read write follow");
        asAlice = api.withToken(alice.token());
        asMallory = api.withToken(mallory.token());
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }

    @Test
    void blockingRemovesFollowsBothWaysAndPreventsNewOnes() {
        asMallory.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/follow", Api.form());

        JsonNode relationship = asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/block", Api.form()).json();

        assertThat(relationship.get("blocking").asBoolean()).isTrue();
        assertThat(relationship.get("following").asBoolean()).isFalse();
        assertThat(relationship.get("followed_by").asBoolean()).isFalse();
        assertThat(asMallory.get("/api/v1/accounts/relationships?id[]=" + alice.id()).json().get(0)
                .get("blocked_by").asBoolean()).isTrue();
        assertThat(asMallory.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form()).status())
                .isEqualTo(403);
        assertThat(ids(asAlice.get("/api/v1/blocks").json())).containsExactly(mallory.id());
    }

    @Test
    void theBlockedAccountNoLongerSeesTheBlockersStatusesAnywhere() {
        String tag = "blk" + alice.username().replace("_", "");
        String root = post(asAlice, "hello #" + tag);
        String reply = post(asMallory, "a reply", root);
        asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/block", Api.form());

        assertThat(asMallory.get("/api/v1/statuses/" + root).status()).isEqualTo(404);
        assertThat(asMallory.postForm("/api/v1/statuses/" + root + "/favourite", Api.form()).status()).isEqualTo(404);
        assertThat(asMallory.postForm("/api/v1/statuses", Api.form("status", "again", "in_reply_to_id", root)).status())
                .isEqualTo(404);
        assertThat(ids(asMallory.get("/api/v1/accounts/" + alice.id() + "/statuses").json())).isEmpty();
        assertThat(ids(asMallory.get("/api/v1/timelines/tag/" + tag).json())).isEmpty();
        assertThat(ids(asMallory.get("/api/v1/timelines/public?limit=40").json())).doesNotContain(root);
        // And the other way round: the blocker no longer sees the blocked account's reply in the thread.
        assertThat(ids(asAlice.get("/api/v1/statuses/" + root + "/context").json().get("descendants")))
                .doesNotContain(reply);
        assertThat(ids(api.get("/api/v1/statuses/" + root + "/context").json().get("descendants"))).contains(reply);
    }

    @Test
    void reblogsAndInteractionListsHideTheOtherAccountToo() {
        User carol = TestAccounts.newUser(api, "read write follow");
        Api asCarol = api.withToken(carol.token());
        asAlice.postForm("/api/v1/accounts/" + carol.id() + "/follow", Api.form());
        String malloryPost = post(asMallory, "shared widely");
        asCarol.postForm("/api/v1/statuses/" + malloryPost + "/reblog", Api.form());
        asMallory.postForm("/api/v1/statuses/" + post(asCarol, "carol's own") + "/favourite", Api.form());
        String carolPost = post(asCarol, "liked by mallory");
        asMallory.postForm("/api/v1/statuses/" + carolPost + "/favourite", Api.form());

        asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/block", Api.form());

        JsonNode home = asAlice.get("/api/v1/timelines/home").json();
        assertThat(home.valueStream().filter(s -> !s.get("reblog").isNull())
                .map(s -> s.at("/reblog/id").asString()).toList()).doesNotContain(malloryPost);
        assertThat(ids(asAlice.get("/api/v1/statuses/" + carolPost + "/favourited_by").json()))
                .doesNotContain(mallory.id());
        assertThat(ids(api.get("/api/v1/statuses/" + carolPost + "/favourited_by").json())).contains(mallory.id());
    }

    @Test
    void unblockingRestoresVisibilityButNotTheFollows() {
        asMallory.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        String root = post(asAlice, "visible again later");
        asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/block", Api.form());

        JsonNode relationship = asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/unblock", Api.form()).json();

        assertThat(relationship.get("blocking").asBoolean()).isFalse();
        assertThat(relationship.get("followed_by").asBoolean()).isFalse();
        assertThat(asMallory.get("/api/v1/statuses/" + root).status()).isEqualTo(200);
    }

    private static String post(Api as, String text) {
        return post(as, text, null);
    }

    private static String post(Api as, String text, String inReplyTo) {
        Api.Response response = as.postForm("/api/v1/statuses", inReplyTo == null ? Api.form("status", text)
                : Api.form("status", text, "in_reply_to_id", inReplyTo));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asString();
    }
}
