package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Mastodon's follow options: {@code notify} rings on new posts, {@code reblogs=false} hides reblogs at home. */
@IntegrationTest
class FollowOptionsTest extends TwoPeopleTest {

    @Test
    void ringingTheBellNotifiesOfNewPostsButNotOfRepliesToOthersOrDirectMessages() {
        JsonNode relationship = asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow",
                Map.of("notify", "true")).json();
        assertThat(relationship.get("notifying").asBoolean()).isTrue();
        assertThat(relationship.get("showing_reblogs").asBoolean()).isTrue();

        String news = postStatus(asAlice, "status", "news from alice");
        String elsewhere = postStatus(asBob, "status", "bob's own");
        postStatus(asAlice, "status", "a reply to bob", "in_reply_to_id", elsewhere);
        postStatus(asAlice, "status", "a thread of mine", "in_reply_to_id", news);

        JsonNode rung = asBob.get("/api/v1/notifications?types[]=status").json();
        assertThat(rung.size()).isEqualTo(2);
        assertThat(rung.get(1).get("status").get("id").asString()).isEqualTo(news);
        assertThat(rung.get(0).get("account").get("id").asString()).isEqualTo(alice.id());

        JsonNode quiet = asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("notify", "false")).json();
        assertThat(quiet.get("notifying").asBoolean()).isFalse();
        assertThat(quiet.get("following").asBoolean()).isTrue();
        postStatus(asAlice, "status", "no bell now");
        assertThat(asBob.get("/api/v1/notifications?types[]=status").json().size()).isEqualTo(2);
    }

    @Test
    void turningReblogsOffHidesThemAtHomeButKeepsOwnPosts() {
        JsonNode relationship = asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow",
                Map.of("reblogs", "false")).json();
        assertThat(relationship.get("showing_reblogs").asBoolean()).isFalse();
        // Someone bob does not follow: a reblog of bob's own post would be folded into the original at home.
        Api asCarol = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read write").token());
        String someone = postStatus(asCarol, "status", "carol says");
        String own = postStatus(asAlice, "status", "alice says");
        String reblog = asAlice.postForm("/api/v1/statuses/" + someone + "/reblog", Map.of()).json().get("id").asString();

        assertThat(ids(asBob.get("/api/v1/timelines/home").json())).contains(own).doesNotContain(reblog);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("reblogs", "true"));
        assertThat(ids(asBob.get("/api/v1/timelines/home").json())).contains(own, reblog);
    }

    @Test
    void aLockedAccountsRequestKeepsItsOptionsOnceAuthorized() {
        asAlice.send("PATCH", "/api/v1/accounts/update_credentials", "application/x-www-form-urlencoded",
                Api.formBody(Api.form("locked", "true")));
        JsonNode requested = asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("notify", "true")).json();
        assertThat(requested.get("requested").asBoolean()).isTrue();
        asAlice.postForm("/api/v1/follow_requests/" + bob.id() + "/authorize", Map.of());
        JsonNode now = asBob.get("/api/v1/accounts/relationships?id[]=" + alice.id()).json().get(0);
        assertThat(now.get("following").asBoolean()).isTrue();
        assertThat(now.get("notifying").asBoolean()).isTrue();
    }
}
