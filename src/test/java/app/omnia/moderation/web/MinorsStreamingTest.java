package app.omnia.moderation.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static app.omnia.support.StreamClient.payload;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minors see sensitive statuses without their media on the streaming socket too, as on the REST read paths:
 * {@code update} on the user, public and hashtag streams, {@code status.update}, notifications and the direct
 * stream's conversations; adults listening at the same time get the media.
 */
@IntegrationTest
class MinorsStreamingTest extends ModerationFixture {

    private StreamClient socket(User user, String stream) {
        return StreamClient.open(port, "", b -> b.subprotocols(user.token())).subscribe(stream);
    }

    @Test
    void aMinorFollowingAnAuthorGetsTheSensitivePostWithoutItsMediaAndAnAdultWithIt() {
        User minor = minor();
        User adult = user("read write follow");
        as(minor).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        as(adult).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String tag = "t" + author.id();
        try (StreamClient minors = socket(minor, "user"); StreamClient adults = socket(adult, "user");
             StreamClient minorsPublic = socket(minor, "public");
             StreamClient minorsTag = StreamClient.open(port, "stream=hashtag&tag=" + tag,
                     b -> b.subprotocols(minor.token())).sync();
             StreamClient adultsPublic = socket(adult, "public")) {
            String status = post(asAuthor, "status", "graphic #" + tag + " @" + minor.username(),
                    "media_ids[]", uploadPng(asAuthor), "sensitive", "true");

            Map<String, JsonNode> minorGot = events(minors, Set.of("update", "notification"));
            JsonNode update = payload(minorGot.get("update"));
            assertThat(update.get("id").asString()).isEqualTo(status);
            assertThat(update.get("sensitive").asBoolean()).isTrue();
            assertThat(update.get("content").asString()).contains("graphic");
            assertThat(update.get("media_attachments")).isEmpty();
            JsonNode mention = payload(minorGot.get("notification"));
            assertThat(mention.get("type").asString()).isEqualTo("mention");
            assertThat(mention.at("/status/id").asString()).isEqualTo(status);
            assertThat(mention.at("/status/media_attachments")).isEmpty();
            assertThat(payload(events(adults, Set.of("update")).get("update")).get("media_attachments")).hasSize(1);
            assertThat(payload(events(minorsPublic, Set.of("update")).get("update")).get("media_attachments")).isEmpty();
            assertThat(payload(events(minorsTag, Set.of("update")).get("update")).get("media_attachments")).isEmpty();
            assertThat(payload(events(adultsPublic, Set.of("update")).get("update")).get("media_attachments")).hasSize(1);

            asAuthor.send("PUT", "/api/v1/statuses/" + status, "application/x-www-form-urlencoded",
                    Api.formBody(Api.form("status", "graphic, edited", "sensitive", "true")));
            JsonNode edited = payload(events(minors, Set.of("status.update")).get("status.update"));
            assertThat(edited.get("content").asString()).contains("edited");
            assertThat(edited.get("media_attachments")).isEmpty();
            assertThat(payload(events(adults, Set.of("status.update")).get("status.update"))
                    .get("media_attachments")).hasSize(1);
        }
    }

    @Test
    void aBoostOfASensitivePostAndMediaMarkedSensitiveByModerationReachAMinorWithoutMedia() {
        User minor = minor();
        User booster = user("read write follow");
        as(minor).postForm("/api/v1/accounts/" + booster.id() + "/follow", Api.form());
        as(minor).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String sensitive = post(asAuthor, "status", "graphic", "media_ids[]", uploadPng(asAuthor), "sensitive", "true");
        Api.Response sensitized = asModerator.postForm("/api/v1/admin/accounts/" + author.id() + "/action",
                Api.form("type", "sensitive", "text", "Graphic media"));
        assertThat(sensitized.status()).as(sensitized.toString()).isEqualTo(200);
        try (StreamClient minors = socket(minor, "user")) {
            Api.Response boosted = as(booster).postForm("/api/v1/statuses/" + sensitive + "/reblog", Api.form());
            assertThat(boosted.status()).as(boosted.toString()).isEqualTo(200);
            JsonNode boost = payload(events(minors, Set.of("update")).get("update"));
            assertThat(boost.at("/reblog/id").asString()).isEqualTo(sensitive);
            assertThat(boost.at("/reblog/media_attachments")).isEmpty();

            // Not marked sensitive by its author: the moderators' mark on the account is what makes it so.
            String marked = post(asAuthor, "status", "a picture", "media_ids[]", uploadPng(asAuthor));
            JsonNode update = payload(events(minors, Set.of("update")).get("update"));
            assertThat(update.get("id").asString()).isEqualTo(marked);
            assertThat(update.get("sensitive").asBoolean()).isTrue();
            assertThat(update.get("media_attachments")).isEmpty();
        }
    }

    @Test
    void aDirectSensitivePostReachesAMinorsConversationWithoutItsMedia() {
        User minor = minor();
        User adult = user("read write follow");
        try (StreamClient minors = socket(minor, "direct"); StreamClient adults = socket(adult, "direct")) {
            String status = post(asAuthor, "status", "@" + minor.username() + " @" + adult.username() + " look",
                    "visibility", "direct", "media_ids[]", uploadPng(asAuthor), "sensitive", "true");

            JsonNode conversation = payload(events(minors, Set.of("conversation")).get("conversation"));
            assertThat(conversation.at("/last_status/id").asString()).isEqualTo(status);
            assertThat(conversation.at("/last_status/media_attachments")).isEmpty();
            JsonNode adultsConversation = payload(events(adults, Set.of("conversation")).get("conversation"));
            assertThat(adultsConversation.at("/last_status/media_attachments")).hasSize(1);
        }
    }

    /** Reads messages until one of each wanted event has arrived (in whatever order the commits sent them). */
    private static Map<String, JsonNode> events(StreamClient client, Set<String> wanted) {
        Map<String, JsonNode> got = new HashMap<>();
        while (!got.keySet().containsAll(wanted)) {
            JsonNode message = client.next();
            String event = message.path("event").asString();
            if (wanted.contains(event)) {
                got.putIfAbsent(event, message);
            }
        }
        return got;
    }
}
