package app.omnia.social.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.social.ScheduledStatusService;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled statuses: {@code scheduled_at} answers a ScheduledStatus, which its owner (and only they) can
 * list, move and cancel; the publishing job, called here with a later clock reading instead of waiting,
 * posts it once.
 */
@IntegrationTest
class ScheduledStatusesTest extends TwoPeopleTest {

    @Autowired
    ScheduledStatusService scheduler;

    @Autowired
    app.omnia.social.MediaService media;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static String inHours(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private JsonNode schedule(Api as, String text, String at) {
        Api.Response response = as.postForm("/api/v1/statuses", Api.form("status", text, "scheduled_at", at,
                "visibility", "unlisted"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aScheduledStatusWaitsThenIsPostedOnce() {
        String at = inHours(2);
        JsonNode scheduled = schedule(asAlice, "later, world", at);
        assertThat(scheduled.get("scheduled_at").asString()).startsWith(at.substring(0, 19));
        assertThat(scheduled.get("params").get("text").asString()).isEqualTo("later, world");
        assertThat(scheduled.get("params").get("visibility").asString()).isEqualTo("unlisted");
        assertThat(scheduled.has("content")).isFalse();
        String id = scheduled.get("id").asString();
        assertThat(asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json().size()).isZero();
        assertThat(ids(asAlice.get("/api/v1/scheduled_statuses").json())).contains(id);

        scheduler.publishDue(Instant.now().plus(Duration.ofHours(3)));
        scheduler.publishDue(Instant.now().plus(Duration.ofHours(3)));

        JsonNode posted = asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json();
        assertThat(posted.size()).isEqualTo(1);
        assertThat(posted.get(0).get("content").asString()).contains("later, world");
        assertThat(posted.get(0).get("visibility").asString()).isEqualTo("unlisted");
        assertThat(asAlice.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
    }

    @Test
    void aScheduledPollOpensWhenItIsPosted() {
        Api.Response oneOption = asBob.postForm("/api/v1/statuses", Api.form("status", "which?",
                "poll[options][]", "tea", "poll[expires_in]", "3600", "scheduled_at", inHours(2)));
        assertThat(oneOption.status()).as(oneOption.toString()).isEqualTo(422);
        assertThat(oneOption.body()).contains("poll[options]");
        Api.Response twoOptions = asBob.send("POST", "/api/v1/statuses", "application/x-www-form-urlencoded",
                "status=which%3F&poll%5Boptions%5D%5B%5D=tea&poll%5Boptions%5D%5B%5D=coffee&poll%5Bexpires_in%5D=3600"
                        + "&scheduled_at=" + inHours(2));
        assertThat(twoOptions.status()).as(twoOptions.toString()).isEqualTo(200);
        assertThat(twoOptions.json().get("params").get("poll").get("expires_in").asString()).isEqualTo("3600");
        scheduler.publishDue(Instant.now().plus(Duration.ofHours(3)));
        JsonNode posted = asBob.get("/api/v1/accounts/" + bob.id() + "/statuses").json();
        assertThat(posted.size()).isEqualTo(1);
        assertThat(posted.get(0).get("poll").get("options").size()).isEqualTo(2);
    }

    @Test
    void aScheduledStatusKeepsItsMediaFromThePurgeAndShowsItWhenPosted() {
        Api.Response uploaded = new app.omnia.support.Multipart()
                .file("file", "a.png", "image/png", app.omnia.support.TestImages.image("png", 40, 30))
                .field("description", "later").send(asAlice, "POST", "/api/v2/media");
        String mediaId = uploaded.json().get("id").asString();
        Api.Response scheduled = asAlice.postJson("/api/v1/statuses", java.util.Map.of("status", "with a picture",
                "media_ids", java.util.List.of(mediaId), "scheduled_at", inHours(48)));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("media_attachments").get(0).get("id").asString()).isEqualTo(mediaId);
        assertThat(scheduled.json().get("params").get("media_ids").get(0).asString()).isEqualTo(mediaId);

        jdbc.sql("UPDATE media_attachments SET created_at = ? WHERE id = ?")
                .params(java.time.OffsetDateTime.now().minusDays(2), Long.parseLong(mediaId)).update();
        media.purgeUnattached();
        assertThat(asAlice.get("/api/v1/media/" + mediaId).status()).isEqualTo(200);

        scheduler.publishDue(Instant.now().plus(Duration.ofHours(49)));
        JsonNode posted = asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json();
        assertThat(posted.get(0).get("media_attachments").get(0).get("id").asString()).isEqualTo(mediaId);
    }

    @Test
    void theOwnerMovesAndCancelsButNobodyElseSeesIt() {
        String id = schedule(asAlice, "movable", inHours(2)).get("id").asString();
        assertThat(asBob.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(ids(asBob.get("/api/v1/scheduled_statuses").json())).doesNotContain(id);
        assertThat(asBob.send("PUT", "/api/v1/scheduled_statuses/" + id, "application/x-www-form-urlencoded",
                Api.formBody(Api.form("scheduled_at", inHours(5)))).status()).isEqualTo(404);
        assertThat(asBob.delete("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);

        String later = inHours(30);
        Api.Response moved = asAlice.send("PUT", "/api/v1/scheduled_statuses/" + id,
                "application/x-www-form-urlencoded", Api.formBody(Api.form("scheduled_at", later)));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("scheduled_at").asString()).startsWith(later.substring(0, 19));

        assertThat(asAlice.delete("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
    }

    @Test
    void badTimesAndBadStatusesAreRefusedAtOnceAndNothingIsStored() {
        for (String at : new String[] {"tomorrow", Instant.now().plus(Duration.ofMinutes(2)).toString(),
                Instant.now().minus(Duration.ofDays(1)).toString()}) {
            Api.Response refused = asBob.postForm("/api/v1/statuses", Api.form("status", "x", "scheduled_at", at));
            assertThat(refused.status()).as(at).isEqualTo(422);
            assertThat(refused.body()).contains("scheduled_at");
        }
        Api.Response blank = asBob.postForm("/api/v1/statuses", Api.form("status", " ", "scheduled_at", inHours(1)));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("\"status\"");
        assertThat(asBob.get("/api/v1/scheduled_statuses").json().size()).isZero();
    }

    @Test
    void aScheduledReplyWhoseParentIsGoneIsDropped() {
        String parent = asBob.postForm("/api/v1/statuses", Api.form("status", "ask me")).json().get("id").asString();
        String id = asAlice.postForm("/api/v1/statuses", Api.form("status", "an answer, later",
                "in_reply_to_id", parent, "scheduled_at", inHours(4))).json().get("id").asString();
        asBob.delete("/api/v1/statuses/" + parent);
        scheduler.publishDue(Instant.now().plus(Duration.ofHours(5)));
        assertThat(asAlice.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v1/accounts/" + alice.id() + "/statuses").json().size()).isZero();
    }
}
