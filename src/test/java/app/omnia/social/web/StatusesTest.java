package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Posting, reading and deleting statuses, with visibility enforced on every read path. */
@IntegrationTest
class StatusesTest extends TwoPeopleTest {

    private JsonNode post(Api as, Map<String, String> form) {
        Api.Response response = as.postForm("/api/v1/statuses", form);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aStatusIsRenderedEscapedWithMentionsTagsAndLinks() {
        JsonNode status = post(asAlice, Api.form("status", "Hi @" + bob.username() + " <b>#Omnia</b> https://example.org",
                "language", "en", "spoiler_text", "cw"));

        assertThat(status.get("id").isString()).isTrue();
        assertThat(status.get("content").asString()).contains("&lt;b&gt;").doesNotContain("<b>")
                .contains("class=\"u-url mention\"").contains("href=\"https://example.org\"")
                .contains("class=\"mention hashtag\"");
        assertThat(status.at("/mentions/0/id").asString()).isEqualTo(bob.id());
        assertThat(status.at("/tags/0/name").asString()).isEqualTo("omnia");
        assertThat(status.get("sensitive").asBoolean()).isTrue();
        assertThat(status.get("visibility").asString()).isEqualTo("public");
        assertThat(status.at("/account/id").asString()).isEqualTo(alice.id());
        assertThat(status.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("statuses_count").asLong()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyPostsOnceAndAnotherBodyWithItIsRefused() {
        Map<String, String> headers = Map.of("Idempotency-Key", "k-" + alice.id());
        Api.Response first = asAlice.send("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofString("status=once"), headers);
        Api.Response again = asAlice.send("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofString("status=once"), headers);
        Api.Response other = asAlice.send("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofString("status=twice"), headers);

        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/accounts/" + alice.id() + "/statuses").json()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeySentSeveralTimesAtOncePostsOnce() throws Exception {
        Map<String, String> headers = Map.of("Idempotency-Key", "burst-" + alice.id());
        List<java.util.concurrent.Callable<Api.Response>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(() -> asAlice.send("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                    java.net.http.HttpRequest.BodyPublishers.ofString("status=burst"), headers));
        }
        List<Api.Response> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (var future : pool.invokeAll(burst)) {
                answers.add(future.get());
            }
        }

        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Api.Response answer : answers) {
            if (answer.status() == 200) {
                ids.add(answer.json().get("id").asString());
            } else {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(api.get("/api/v1/accounts/" + alice.id() + "/statuses").json()).hasSize(1);
    }

    @Test
    void badStatusesAreRefusedNamingTheFieldAndNothingIsWritten() {
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", " ")).json()
                .at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", "x".repeat(501))).json()
                .at("/errors/0/code").asString()).isEqualTo("ERR_TOO_LONG");
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", "x", "visibility", "friends")).json()
                .at("/errors/0/field").asString()).isEqualTo("visibility");
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", "x", "media_ids[]", "1")).json()
                .at("/errors/0/field").asString()).isEqualTo("media_ids");
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", "x", "in_reply_to_id", "123")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + alice.id() + "/statuses").json()).isEmpty();
        assertThat(api.withToken(TestAccounts.newUser(api, "read").token())
                .postForm("/api/v1/statuses", Api.form("status", "x")).status()).isEqualTo(403);
    }

    @Test
    void aPrivateStatusIsSeenOnlyByItsAuthorFollowersAndMentionedAccounts() {
        String id = post(asAlice, Api.form("status", "followers only", "visibility", "private")).get("id").asString();

        assertThat(api.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(asBob.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(asBob.get("/api/v1/accounts/" + alice.id() + "/statuses").json()).isEmpty();
        assertThat(asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/timelines/public").body()).doesNotContain(id);

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());

        assertThat(asBob.get("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(asBob.get("/api/v1/timelines/home").json().valueStream().map(n -> n.get("id").asString()).toList()).contains(id);
        assertThat(asBob.get("/api/v1/accounts/" + alice.id() + "/statuses").json()).hasSize(1);
        assertThat(asBob.postForm("/api/v1/statuses/" + id + "/reblog", Api.form()).status()).isEqualTo(403);
    }

    @Test
    void aDirectStatusIsSeenOnlyByTheMentionedAccount() {
        User carol = TestAccounts.newUser(api, "read write follow");
        api.withToken(carol.token()).postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        String id = post(asAlice, Api.form("status", "@" + bob.username() + " psst", "visibility", "direct"))
                .get("id").asString();

        assertThat(asBob.get("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(asBob.get("/api/v1/timelines/home").json().valueStream().map(n -> n.get("id").asString()).toList()).contains(id);
        assertThat(api.withToken(carol.token()).get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(api.withToken(carol.token()).get("/api/v1/timelines/home").body()).doesNotContain(id);
    }

    @Test
    void contextShowsTheThreadButHidesWhatTheViewerMayNotSee() {
        String root = post(asAlice, Api.form("status", "root")).get("id").asString();
        String reply = post(asBob, Api.form("status", "reply", "in_reply_to_id", root)).get("id").asString();
        String hidden = post(asAlice, Api.form("status", "private reply", "in_reply_to_id", reply,
                "visibility", "private")).get("id").asString();

        JsonNode asStranger = api.get("/api/v1/statuses/" + reply + "/context").json();
        assertThat(asStranger.get("ancestors").valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(root);
        assertThat(asStranger.get("descendants").valueStream().map(n -> n.get("id").asString()).toList()).doesNotContain(hidden);
        JsonNode asAuthor = asAlice.get("/api/v1/statuses/" + root + "/context").json();
        assertThat(asAuthor.get("descendants").valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(reply, hidden);
        assertThat(api.get("/api/v1/statuses/" + root).json().get("replies_count").asLong()).isEqualTo(1);
    }

    @Test
    void deletingReturnsTheSourceAndOnlyTheAuthorCanDelete() {
        String id = post(asAlice, Api.form("status", "Hello <world>")).get("id").asString();

        assertThat(asBob.delete("/api/v1/statuses/" + id).status()).isEqualTo(404);
        Api.Response deleted = asAlice.delete("/api/v1/statuses/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("text").asString()).isEqualTo("Hello <world>");
        assertThat(api.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
    }

    @Test
    void favouritesReblogsAndBookmarksAreCountedFlaggedAndListed() {
        String id = post(asAlice, Api.form("status", "like me")).get("id").asString();

        JsonNode favourited = asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form()).json();
        asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form());
        JsonNode reblog = asBob.postForm("/api/v1/statuses/" + id + "/reblog", Api.form()).json();
        asBob.postForm("/api/v1/statuses/" + id + "/bookmark", Api.form());

        assertThat(favourited.get("favourited").asBoolean()).isTrue();
        assertThat(favourited.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(reblog.at("/reblog/id").asString()).isEqualTo(id);
        assertThat(reblog.at("/reblog/reblogged").asBoolean()).isTrue();
        JsonNode seen = asBob.get("/api/v1/statuses/" + id).json();
        assertThat(seen.get("reblogs_count").asLong()).isEqualTo(1);
        assertThat(seen.get("bookmarked").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/statuses/" + id + "/favourited_by").json().valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(bob.id());
        assertThat(api.get("/api/v1/statuses/" + id + "/reblogged_by").json().valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(bob.id());
        assertThat(asBob.get("/api/v1/favourites").json().valueStream().map(n -> n.get("id").asString()).toList()).contains(id);
        assertThat(asBob.get("/api/v1/bookmarks").json().valueStream().map(n -> n.get("id").asString()).toList()).contains(id);

        asBob.postForm("/api/v1/statuses/" + id + "/unfavourite", Api.form());
        asBob.postForm("/api/v1/statuses/" + id + "/unreblog", Api.form());
        JsonNode after = asBob.get("/api/v1/statuses/" + id).json();
        assertThat(after.get("favourites_count").asLong()).isZero();
        assertThat(after.get("reblogs_count").asLong()).isZero();
        assertThat(after.get("favourited").asBoolean()).isFalse();
    }

    @Test
    void timelinesPageWithLinkHeadersAndStayStableWhileNewStatusesArrive() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        List<String> posted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(asAlice, Api.form("status", "post " + i + " #paging" + alice.username())).get("id").asString());
        }

        Api.Response first = asBob.get("/api/v1/timelines/home?limit=2");
        assertThat(first.json().valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(posted.get(4), posted.get(3));
        post(asAlice, Api.form("status", "arrives meanwhile"));
        String next = nextLink(first.header("Link"));
        Api.Response second = asBob.get(next);
        assertThat(second.json().valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(posted.get(2), posted.get(1));
        assertThat(api.get("/api/v1/timelines/tag/paging" + alice.username() + "?limit=40").json()).hasSize(5);
        assertThat(api.get("/api/v1/timelines/public?limit=40").json().valueStream().map(n -> n.get("id").asString()).toList())
                .contains(posted.get(0));
        assertThat(asBob.get("/api/v1/timelines/home?min_id=" + posted.get(2) + "&limit=2").json()
                .valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(posted.get(4), posted.get(3));
    }

    @Test
    void followsShowInRelationshipsListsAndCounts() {
        JsonNode relationship = asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form()).json();

        assertThat(relationship.get("following").asBoolean()).isTrue();
        assertThat(asAlice.get("/api/v1/accounts/relationships?id[]=" + bob.id()).json().get(0)
                .get("followed_by").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/accounts/" + alice.id() + "/followers").json().valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(bob.id());
        assertThat(api.get("/api/v1/accounts/" + bob.id() + "/following").json().valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(alice.id());
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("followers_count").asLong()).isEqualTo(1);
        assertThat(asBob.postForm("/api/v1/accounts/" + bob.id() + "/follow", Api.form()).status()).isEqualTo(403);

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/unfollow", Api.form());
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("followers_count").asLong()).isZero();
    }

    @Test
    void removingAFollowerAndFetchingSeveralAccounts() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());

        JsonNode removed = asAlice.postForm("/api/v1/accounts/" + bob.id() + "/remove_from_followers", Api.form())
                .json();

        assertThat(removed.get("followed_by").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("followers_count").asLong()).isZero();
        JsonNode several = api.get("/api/v1/accounts?id[]=" + alice.id() + "&id[]=" + bob.id() + "&id[]=1").json();
        assertThat(several.valueStream().map(n -> n.get("id").asString()).toList())
                .containsExactly(alice.id(), bob.id());
        assertThat(api.get("/api/v1/accounts?id[]=x").status()).isEqualTo(400);
    }

    @Test
    void replyControlsLimitWhoMayAnswer() {
        User carol = TestAccounts.newUser(api, "read write follow");
        Api asCarol = api.withToken(carol.token());
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/follow", Api.form());
        JsonNode followingOnly = post(asAlice, Api.form("status", "friends only please", "reply_policy", "following"));
        JsonNode mentionedOnly = post(asAlice, Api.form("status", "just you @" + carol.username(),
                "reply_policy", "mentioned"));
        String id = followingOnly.get("id").asString();

        assertThat(followingOnly.get("reply_policy").asString()).isEqualTo("following");
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "ok", "in_reply_to_id", id)).status())
                .isEqualTo(200);
        Api.Response refused = asCarol.postForm("/api/v1/statuses", Api.form("status", "no", "in_reply_to_id", id));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:omnia:problem:reply-not-allowed");
        String other = mentionedOnly.get("id").asString();
        assertThat(asCarol.postForm("/api/v1/statuses", Api.form("status", "yes", "in_reply_to_id", other)).status())
                .isEqualTo(200);
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "me?", "in_reply_to_id", other)).status())
                .isEqualTo(403);
        assertThat(asAlice.postForm("/api/v1/statuses", Api.form("status", "x", "reply_policy", "nobody")).json()
                .at("/errors/0/field").asString()).isEqualTo("reply_policy");
        assertThat(api.get("/api/v1/statuses/" + id + "/context").json().get("descendants")).hasSize(1);
    }

    @Test
    void followingAHashtagBringsItsPublicPostsHome() {
        String tag = "follow" + alice.username().replace("_", "");
        String id = post(asAlice, Api.form("status", "about #" + tag)).get("id").asString();
        assertThat(asBob.get("/api/v1/timelines/home").body()).doesNotContain(id);

        JsonNode followed = asBob.postForm("/api/v1/tags/" + tag + "/follow", Api.form()).json();

        assertThat(followed.get("following").asBoolean()).isTrue();
        assertThat(asBob.get("/api/v1/tags/" + tag).json().get("following").asBoolean()).isTrue();
        assertThat(asBob.get("/api/v1/followed_tags").json().valueStream().map(t -> t.get("name").asString())
                .toList()).containsExactly(tag);
        assertThat(asBob.get("/api/v1/timelines/home").json().valueStream().map(n -> n.get("id").asString())
                .toList()).contains(id);
        asBob.postForm("/api/v1/tags/" + tag + "/unfollow", Api.form());
        assertThat(asBob.get("/api/v1/timelines/home").body()).doesNotContain(id);
        assertThat(asBob.postForm("/api/v1/tags/bad%20tag!/follow", Api.form()).status()).isEqualTo(404);
    }

    private static String nextLink(String link) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
