package app.omnia.social.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.Multipart;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage on every endpoint of the social module gets a 4xx problem naming what was wrong, never a 500. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialGarbageInputTest {

    @LocalServerPort
    int port;

    Api asUser;
    String statusId;
    String otherId;
    String pollId;
    String mediaId;

    @BeforeAll
    void setUp() {
        Api api = Api.at(port);
        User user = TestAccounts.newUser(api, "read write follow");
        otherId = TestAccounts.newUser(api, "read").id();
        asUser = api.withToken(user.token());
        statusId = asUser.postForm("/api/v1/statuses", Api.form("status", "target")).json().get("id").asString();
        Api asPollster = api.withToken(TestAccounts.newUser(api, "read write").token());
        pollId = asPollster.postJson("/api/v1/statuses", java.util.Map.of("status", "poll",
                "poll", java.util.Map.of("options", List.of("a", "b"), "expires_in", 600))).json().at("/poll/id").asString();
        mediaId = new Multipart().file("file", "t.png", "image/png", TestImages.png()).field("description", "target")
                .send(asUser, "POST", "/api/v2/media").json().get("id").asString();
    }

    Stream<Arguments> garbage() {
        List<Arguments> cases = new ArrayList<>();
        String[] malformed = {"{", "[1]", "\"x\"", "{\"status\": {\"a\": 1}}", "{\"status\": \"x\", \"sensitive\": \"maybe\"}",
                "{\"status\": \"x\", \"media_ids\": {\"a\": 1}}", "{\"status\": \"" + "y".repeat(600) + "\"}",
                "{\"status\": \"x\", \"visibility\": 5}", "{\"status\": \"x\", \"in_reply_to_id\": \"abc\"}",
                "{\"status\": \"x\", \"poll\": {\"options\": [\"a\"]}}", "{\"status\": \"x\", \"language\": \"klingon\"}",
                "{\"status\": \"x\", \"poll\": \"yes\"}",
                "{\"status\": \"x\", \"poll\": {\"options\": [{\"a\": 1}, \"b\"], \"expires_in\": 600}}",
                "{\"status\": \"x\", \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": {\"s\": 1}}}",
                "{\"status\": \"x\", \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 1e99}}",
                "{\"status\": \"x\", \"poll\": {\"options\": [\"a\", \"b\"], \"expires_in\": 600, \"multiple\": \"maybe\"}}",
                "{\"status\": \"x\", \"media_ids\": [\"abc\"]}", "{\"status\": \"x\", \"media_ids\": [\"999999\"]}",
                "{\"status\": \"x\", \"media_ids\": [\"1\", \"2\", \"3\", \"4\", \"5\"]}",
                "{\"status\": \"x\", \"media_ids\": [[\"1\"]]}", "{\"status\": \"\", \"media_ids\": []}"};
        for (String body : malformed) {
            cases.add(Arguments.of("POST", "/api/v1/statuses", "application/json", body));
            // An edit ignores visibility and thread, so those two bodies would be valid edits.
            if (!body.contains("visibility") && !body.contains("in_reply_to_id")) {
                cases.add(Arguments.of("PUT", "/api/v1/statuses/" + statusIdPlaceholder(), "application/json", body));
            }
        }
        for (String id : List.of("abc", "-1", "0", "99999999999999999999", "1.5")) {
            for (String action : List.of("favourite", "unfavourite", "reblog", "unreblog", "bookmark", "unbookmark",
                    "pin", "unpin")) {
                cases.add(Arguments.of("POST", "/api/v1/statuses/" + id + "/" + action, "application/json", "{}"));
            }
            cases.add(Arguments.of("GET", "/api/v1/statuses/" + id, null, null));
            cases.add(Arguments.of("GET", "/api/v1/statuses/" + id + "/context", null, null));
            cases.add(Arguments.of("GET", "/api/v1/statuses/" + id + "/history", null, null));
            cases.add(Arguments.of("GET", "/api/v1/statuses/" + id + "/favourited_by", null, null));
            cases.add(Arguments.of("DELETE", "/api/v1/statuses/" + id, null, null));
            for (String action : List.of("follow", "unfollow", "block", "unblock", "mute", "unmute",
                    "remove_from_followers")) {
                cases.add(Arguments.of("POST", "/api/v1/accounts/" + id + "/" + action, "application/json", "{}"));
            }
            cases.add(Arguments.of("GET", "/api/v1/accounts/" + id + "/statuses", null, null));
            cases.add(Arguments.of("GET", "/api/v1/accounts/" + id + "/followers", null, null));
            cases.add(Arguments.of("POST", "/api/v1/follow_requests/" + id + "/authorize", "application/json", "{}"));
            cases.add(Arguments.of("POST", "/api/v1/notifications/" + id + "/dismiss", "application/json", "{}"));
            cases.add(Arguments.of("GET", "/api/v1/polls/" + id, null, null));
            cases.add(Arguments.of("POST", "/api/v1/polls/" + id + "/votes", "application/json", "{\"choices\": [0]}"));
            cases.add(Arguments.of("GET", "/api/v1/media/" + id, null, null));
            cases.add(Arguments.of("PUT", "/api/v1/media/" + id, "application/json", "{\"description\": \"x\"}"));
            cases.add(Arguments.of("DELETE", "/api/v1/media/" + id, null, null));
        }
        for (String body : List.of("{", "[1]", "{\"focus\": \"2,2\"}", "{\"focus\": \"1\"}", "{\"focus\": 7}",
                "{\"focus\": [0, 0]}", "{\"description\": {\"a\": 1}}", "{\"description\": \"" + "d".repeat(1501) + "\"}")) {
            cases.add(Arguments.of("PUT", "/api/v1/media/MEDIA", "application/json", body));
        }
        for (String path : List.of("/api/v1/media", "/api/v2/media")) {
            cases.add(Arguments.of("POST", path, "application/json", "{}"));
            cases.add(Arguments.of("POST", path, "application/json", "{"));
            cases.add(Arguments.of("POST", path, "application/x-www-form-urlencoded", "file=abc"));
            cases.add(Arguments.of("POST", path, "multipart/form-data; boundary=nope", "--nope\r\ncut off"));
            cases.add(Arguments.of("POST", path, "multipart/form-data; boundary=b",
                    "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.gif\"\r\n"
                            + "Content-Type: image/gif\r\n\r\nGIF89a not really\r\n--b--\r\n"));
        }
        for (String query : List.of("max_id=zz", "since_id=-3", "min_id=1e9", "limit=lots")) {
            for (String path : List.of("/api/v1/timelines/home", "/api/v1/timelines/public", "/api/v1/timelines/tag/x",
                    "/api/v1/favourites", "/api/v1/bookmarks", "/api/v1/notifications", "/api/v1/blocks",
                    "/api/v1/mutes", "/api/v1/follow_requests", "/api/v1/followed_tags")) {
                cases.add(Arguments.of("GET", path + "?" + query, null, null));
            }
        }
        cases.add(Arguments.of("POST", "/api/v1/accounts/" + "OTHER" + "/mute", "application/json",
                "{\"duration\": \"forever\"}"));
        cases.add(Arguments.of("GET", "/api/v1/notifications?types[]=nope", null, null));
        for (String body : List.of("{}", "{\"choices\": []}", "{\"choices\": \"x\"}", "{\"choices\": [{\"a\": 1}]}",
                "{\"choices\": [99]}", "{\"choices\": [-1]}", "{\"choices\": [0, 1]}", "{\"choices\": [1e99]}",
                "{\"choices\": [0, 0]}")) {
            cases.add(Arguments.of("POST", "/api/v1/polls/POLL/votes", "application/json", body));
        }
        cases.add(Arguments.of("GET", "/api/v1/accounts/relationships?id[]=abc", null, null));
        cases.add(Arguments.of("GET", "/api/v2/search?q=%20", null, null));
        return cases.stream();
    }

    private static String statusIdPlaceholder() {
        return "STATUS";
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("garbage")
    void garbageGetsAClearClientError(String method, String path, String contentType, String body) {
        String resolved = path.replace("STATUS", statusId).replace("OTHER", otherId).replace("POLL", pollId)
                .replace("MEDIA", mediaId);
        Api.Response response = asUser.send(method, resolved, contentType, body);

        assertThat(response.status()).as(method + " " + resolved + " -> " + response).isBetween(400, 499);
        assertThat(response.json().get("type").asString()).startsWith("urn:omnia:problem:");
        assertThat(response.json().get("error").isString()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at app.omnia");
        // Nothing half-written: the target status is still as posted.
        assertThat(asUser.get("/api/v1/statuses/" + statusId).json().get("content").asString()).contains("target");
        assertThat(asUser.get("/api/v1/polls/" + pollId).json().get("votes_count").asLong()).isZero();
        assertThat(asUser.get("/api/v1/media/" + mediaId).json().get("description").asString()).isEqualTo("target");
    }
}
