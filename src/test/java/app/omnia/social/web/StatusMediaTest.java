package app.omnia.social.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.social.MediaService;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestImages;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static app.omnia.social.web.MediaTest.assertRefused;
import static app.omnia.social.web.MediaTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

/** Statuses with media: attaching (own, free, at most four), showing, filtering, editing, deleting, purging. */
@IntegrationTest
class StatusMediaTest extends TwoPeopleTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediaService media;

    @Test
    void aStatusShowsItsAttachmentsInOrderToOtherViewers() {
        String first = uploadPng("first");
        String second = uploadPng("second");

        // Mastodon allows a status with media and no text.
        Api.Response posted = asAlice.postJson("/api/v1/statuses", Map.of("media_ids", List.of(second, first)));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        String statusId = posted.json().get("id").asString();
        for (Api viewer : List.of(asBob, api)) {
            JsonNode status = viewer.get("/api/v1/statuses/" + statusId).json();
            JsonNode attachments = status.get("media_attachments");
            assertThat(ids(attachments)).containsExactly(second, first);
            assertThat(attachments.get(0).get("description").asString()).isEqualTo("second");
            assertThat(attachments.get(0).get("type").asString()).isEqualTo("image");
            assertThat(attachments.get(0).get("blurhash").asString()).hasSize(28);
        }
        JsonNode inTimeline = asBob.get("/api/v1/accounts/" + alice.id() + "/statuses").json().get(0);
        assertThat(ids(inTimeline.get("media_attachments"))).containsExactly(second, first);
    }

    @Test
    void aFormPostTakesMediaIdsToo() {
        String upload = uploadPng("form");

        Api.Response posted = asAlice.postForm("/api/v1/statuses", Api.form("status", "with a form",
                "media_ids[]", upload));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        assertThat(ids(posted.json().get("media_attachments"))).containsExactly(upload);
    }

    @Test
    void fiveAttachmentsAreRefusedAndNothingIsPosted() {
        List<String> five = List.of(uploadPng("1"), uploadPng("2"), uploadPng("3"), uploadPng("4"), uploadPng("5"));

        Api.Response refused = asAlice.postJson("/api/v1/statuses", Map.of("status", "too many", "media_ids", five));

        assertRefused(refused, "media_ids");
        assertThat(asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json().size()).isZero();
        // The uploads are still free: four of them make a valid status.
        assertThat(asAlice.postJson("/api/v1/statuses", Map.of("status", "four", "media_ids", five.subList(0, 4)))
                .status()).isEqualTo(200);
    }

    @Test
    void unknownOrMalformedIdsAreRefused() {
        for (Object ids : List.of(List.of("123456789"), List.of("abc"), List.of("-1"))) {
            assertRefused(asAlice.postJson("/api/v1/statuses", Map.of("status", "x", "media_ids", ids)), "media_ids");
        }
        assertThat(asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json().size()).isZero();
    }

    @Test
    void bobCannotAttachAlicesUpload() {
        String alices = uploadPng("alice's");

        Api.Response refused = asBob.postJson("/api/v1/statuses", Map.of("status", "stolen", "media_ids",
                List.of(alices)));

        assertRefused(refused, "media_ids");
        assertThat(asBob.get("/api/v1/accounts/" + bob.id() + "/statuses").json().size()).isZero();
        String bobs = asBob.postForm("/api/v1/statuses", Api.form("status", "mine")).json().get("id").asString();
        assertRefused(asBob.send("PUT", "/api/v1/statuses/" + bobs, "application/json",
                "{\"status\": \"mine\", \"media_ids\": [\"" + alices + "\"]}"), "media_ids");
        assertThat(asAlice.get("/api/v1/media/" + alices).status()).isEqualTo(200);
    }

    @Test
    void anAttachedUploadBelongsToItsStatus() {
        String upload = uploadPng("taken");
        asAlice.postJson("/api/v1/statuses", Map.of("status", "first", "media_ids", List.of(upload)));

        assertRefused(asAlice.postJson("/api/v1/statuses", Map.of("status", "again", "media_ids", List.of(upload))),
                "media_ids");
        assertThat(asAlice.delete("/api/v1/media/" + upload).status()).isEqualTo(422);
        assertThat(asAlice.send("PUT", "/api/v1/media/" + upload, "application/json", "{\"description\": \"x\"}")
                .status()).isEqualTo(422);
        assertThat(asAlice.get("/api/v1/media/" + upload).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json().size()).isEqualTo(1);
    }

    @Test
    void onlyMediaFiltersThePublicAndProfileTimelines() {
        String withMedia = asAlice.postJson("/api/v1/statuses", Map.of("status", "look",
                "media_ids", List.of(uploadPng("pic")))).json().get("id").asString();
        String textOnly = asAlice.postForm("/api/v1/statuses", Api.form("status", "just words")).json().get("id")
                .asString();
        String reblog = asBob.send("POST", "/api/v1/statuses/" + withMedia + "/reblog", null, null).json()
                .get("id").asString();

        List<String> profile = ids(asBob.get("/api/v1/accounts/" + alice.id() + "/statuses?only_media=true").json());
        assertThat(profile).containsExactly(withMedia);
        assertThat(ids(asBob.get("/api/v1/accounts/" + alice.id() + "/statuses").json()))
                .containsExactly(textOnly, withMedia);
        assertThat(ids(asBob.get("/api/v1/accounts/" + bob.id() + "/statuses?only_media=true").json()))
                .doesNotContain(reblog);

        List<String> publicMedia = ids(api.get("/api/v1/timelines/public?only_media=true&limit=40").json());
        assertThat(publicMedia).contains(withMedia).doesNotContain(textOnly);
        assertThat(ids(api.get("/api/v1/timelines/public?limit=40").json())).contains(withMedia, textOnly);
    }

    @Test
    void anEditReplacesTheAttachmentsAndTheHistoryKeepsEachVersionsMedia() {
        String before = uploadPng("before");
        String after = uploadPng("after");
        String id = asAlice.postJson("/api/v1/statuses", Map.of("status", "v1", "media_ids", List.of(before)))
                .json().get("id").asString();

        Api.Response edited = asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json",
                "{\"status\": \"v2\", \"media_ids\": [\"" + after + "\", \"" + before + "\"]}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(ids(edited.json().get("media_attachments"))).containsExactly(after, before);

        // Leaving media_ids out keeps them; an empty list removes them all.
        Api.Response textOnlyEdit = asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json",
                "{\"status\": \"v3\"}");
        assertThat(ids(textOnlyEdit.json().get("media_attachments"))).containsExactly(after, before);
        Api.Response cleared = asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json",
                "{\"status\": \"v4\", \"media_ids\": []}");
        assertThat(cleared.json().get("media_attachments").size()).isZero();

        JsonNode history = asBob.get("/api/v1/statuses/" + id + "/history").json();
        assertThat(history.size()).isEqualTo(4);
        assertThat(ids(history.get(0).get("media_attachments"))).containsExactly(before);
        assertThat(ids(history.get(1).get("media_attachments"))).containsExactly(after, before);
        assertThat(ids(history.get(2).get("media_attachments"))).containsExactly(after, before);
        assertThat(history.get(3).get("media_attachments").size()).isZero();
        // Media dropped by an edit stay with their status (for its history): no other status can take them.
        assertRefused(asAlice.postJson("/api/v1/statuses", Map.of("status", "x", "media_ids", List.of(after))),
                "media_ids");
        assertThat(asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json",
                "{\"status\": \"v5\", \"media_ids\": [\"" + before + "\"]}").status()).isEqualTo(200);
    }

    @Test
    void aStatusWithoutTextOrMediaIsStillRefused() {
        assertRefused(asAlice.postJson("/api/v1/statuses", Map.of("status", " ", "media_ids", List.of())), "status");
        String id = asAlice.postJson("/api/v1/statuses", Map.of("media_ids", List.of(uploadPng("only")))).json()
                .get("id").asString();
        assertRefused(asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json",
                "{\"status\": \"\", \"media_ids\": []}"), "status");
        assertThat(asAlice.send("PUT", "/api/v1/statuses/" + id, "application/json", "{\"status\": \"\"}").status())
                .as("media kept, so no text is fine").isEqualTo(200);
    }

    @Test
    void deletingAStatusDeletesItsAttachmentsAndTheirFiles() {
        JsonNode upload = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json();
        String mediaId = upload.get("id").asString();
        String id = asAlice.postJson("/api/v1/statuses", Map.of("status", "soon gone", "media_ids",
                List.of(mediaId))).json().get("id").asString();

        Api.Response deleted = asAlice.delete("/api/v1/statuses/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(ids(deleted.json().get("media_attachments"))).containsExactly(mediaId);
        assertThat(asAlice.get("/api/v1/media/" + mediaId).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media_attachments WHERE id = ?").param(Long.parseLong(mediaId))
                .query(Long.class).single()).isZero();
        assertThat(api.get(path(upload.get("url").asString())).status()).isEqualTo(404);
        assertThat(api.get(path(upload.get("preview_url").asString())).status()).isEqualTo(404);
    }

    @Test
    void theHourlyPurgeRemovesOnlyUnattachedUploadsOlderThanADay() {
        JsonNode old = upload(asAlice, "/api/v2/media", "image/png", TestImages.png()).json();
        String fresh = uploadPng("fresh");
        String oldButPosted = uploadPng("posted");
        asAlice.postJson("/api/v1/statuses", Map.of("status", "keep", "media_ids", List.of(oldButPosted)));
        var dayAndABitAgo = Instant.now().minus(25, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC);
        jdbc.sql("UPDATE media_attachments SET created_at = ? WHERE id IN (?, ?)")
                .params(dayAndABitAgo, Long.parseLong(old.get("id").asString()), Long.parseLong(oldButPosted))
                .update();

        media.purgeUnattached();

        assertThat(asAlice.get("/api/v1/media/" + old.get("id").asString()).status()).isEqualTo(404);
        assertThat(api.get(path(old.get("url").asString())).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v1/media/" + fresh).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/media/" + oldButPosted).status()).isEqualTo(200);
    }

    private String uploadPng(String description) {
        Api.Response response = new app.omnia.support.Multipart()
                .file("file", "a.png", "image/png", TestImages.image("png", 40, 30))
                .field("description", description).send(asAlice, "POST", "/api/v2/media");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asString();
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }
}
