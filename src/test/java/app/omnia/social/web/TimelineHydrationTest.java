package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.persistence.AccountProfileCache;
import app.omnia.identity.persistence.CredentialCache;
import app.omnia.social.persistence.ModerationMarks;
import app.omnia.social.persistence.StatusCardCache;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TestAccounts;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timeline page costs a fixed number of SQL statements, whatever its size and whether the status and
 * account caches are warm or cold: the statements of one request are counted on the server
 * ({@link SqlStatements}). The pages mix everything that needs hydrating: reblogs, mentions, a poll, a quote,
 * a followers-only post, several authors.
 */
@IntegrationTest
class TimelineHydrationTest extends TwoPeopleTest {

    @Autowired
    StatusCardCache statusCache;
    @Autowired
    AccountProfileCache accountCache;
    @Autowired
    ModerationMarks marks;
    @Autowired
    CredentialCache credentials;

    @Test
    void aPageCostsNoMoreStatementsAtFortyStatusesThanAtFive() {
        Api asCarol = api.withToken(TestAccounts.newUser(api, "read write follow").token());
        String carol = asCarol.get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        String tag = "hydr" + System.nanoTime() % 1_000_000;
        for (Api who : List.of(asAlice, asCarol)) {
            assertThat(asBob.postForm("/api/v1/accounts/" + idOf(who) + "/follow", Map.of()).status()).isEqualTo(200);
        }
        asBob.get("/api/v1/timelines/home"); // warm: fan-out reaches it
        // Ninety lines, so that both page sizes read only the store (its look-ahead is forty lines).
        for (int i = 0; i < 45; i++) {
            postStatus(i % 2 == 0 ? asAlice : asCarol, "status", "line " + i + " #" + tag);
            postStatus(i % 2 == 0 ? asCarol : asAlice, "status", "line " + i + " for @" + bob.username() + " #" + tag);
        }
        // The newest five: every kind of thing a page may need.
        String shared = postStatus(newPerson(), "status", "shared by carol");
        asCarol.postForm("/api/v1/statuses/" + shared + "/reblog", Map.of());
        assertThat(asAlice.postJson("/api/v1/statuses", Map.of("status", "a poll #" + tag,
                "poll", Map.of("options", List.of("yes", "no"), "expires_in", 3600))).status()).isEqualTo(200);
        postStatus(asCarol, "status", "a quote #" + tag, "quoted_status_id", shared);
        postStatus(asAlice, "status", "followers only", "visibility", "private");
        asBob.postForm("/api/v1/statuses/" + shared + "/favourite", Map.of());

        for (String path : List.of("/api/v1/timelines/home", "/api/v1/timelines/public",
                "/api/v1/timelines/tag/" + tag, "/api/v1/accounts/" + carol + "/statuses")) {
            assertThat(ids(asBob.get(path + "?limit=40").json())).as(path).hasSize(40);
            assertThat(ids(asBob.get(path + "?limit=5").json())).as(path).hasSize(5);
            int warm5 = SqlStatements.countGet(asBob, path + "?limit=5");
            int warm40 = SqlStatements.countGet(asBob, path + "?limit=40");
            String warmStatements = SqlStatements.lastStatements();
            clearCaches();
            int cold5 = SqlStatements.countGet(asBob, path + "?limit=5");
            clearCaches();
            int cold40 = SqlStatements.countGet(asBob, path + "?limit=40");
            System.out.printf("sql statements per page, %s: warm 5=%d 40=%d, cold 5=%d 40=%d%n%s%n", path, warm5,
                    warm40, cold5, cold40, warmStatements);
            assertThat(warm40).as(path + ": warm, 40 statuses vs 5").isLessThanOrEqualTo(warm5);
            assertThat(cold40).as(path + ": cold, 40 statuses vs 5").isLessThanOrEqualTo(cold5);
            assertThat(warm5).as(path + ": a warm cache saves statements").isLessThan(cold5);
            // Whether the viewer follows the author of the followers-only post, and the poll's votes (3); the token,
            // moderation's marks, the viewer's blocks, mutes and flags and the counters come from their caches.
            assertThat(warm40).as(path + ": warm\n" + warmStatements).isLessThanOrEqualTo(path.endsWith("/statuses") ? 6 : 4);
        }
    }

    @Test
    void viewerStateIsEachViewersOwnWhileCountsAreShared() {
        Api asCarol = api.withToken(TestAccounts.newUser(api, "read write follow").token());
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        asCarol.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String post = postStatus(asAlice, "status", "count me");
        assertThat(shown(asBob, post).get("favourites_count").asLong()).isZero();
        assertThat(shown(asCarol, post).get("favourites_count").asLong()).isZero();
        asBob.postForm("/api/v1/statuses/" + post + "/favourite", Map.of());
        asBob.postForm("/api/v1/statuses/" + post + "/bookmark", Map.of());
        JsonNode forBob = shown(asBob, post);
        JsonNode forCarol = shown(asCarol, post);
        assertThat(forBob.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(forCarol.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(forBob.get("favourited").asBoolean()).isTrue();
        assertThat(forBob.get("bookmarked").asBoolean()).isTrue();
        assertThat(forCarol.get("favourited").asBoolean()).isFalse();
        assertThat(forCarol.get("bookmarked").asBoolean()).isFalse();
        asCarol.postForm("/api/v1/statuses/" + post + "/reblog", Map.of());
        postStatus(asCarol, "status", "a reply", "in_reply_to_id", post);
        forBob = shown(asBob, post);
        assertThat(forBob.get("reblogs_count").asLong()).isEqualTo(1);
        assertThat(forBob.get("replies_count").asLong()).isEqualTo(1);
        assertThat(forBob.get("reblogged").asBoolean()).isFalse();
        assertThat(shown(asCarol, post).get("reblogged").asBoolean()).isTrue();
        asBob.postForm("/api/v1/statuses/" + post + "/unfavourite", Map.of());
        assertThat(shown(asCarol, post).get("favourites_count").asLong()).isZero();
    }

    @Test
    void editsDeletesAndProfileChangesShowAtOnce() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String post = postStatus(asAlice, "status", "first words");
        String other = postStatus(asAlice, "status", "to be deleted");
        assertThat(shown(asBob, post).get("content").asString()).contains("first words");
        assertThat(asAlice.send("PUT", "/api/v1/statuses/" + post, "application/json",
                "{\"status\":\"second words\"}").status()).isEqualTo(200);
        assertThat(shown(asBob, post).get("content").asString()).contains("second words");
        assertThat(asAlice.patchForm("/api/v1/accounts/update_credentials", Map.of("display_name", "Alice Renamed"))
                .status()).isEqualTo(200);
        assertThat(shown(asBob, post).get("account").get("display_name").asString()).isEqualTo("Alice Renamed");
        assertThat(asAlice.delete("/api/v1/statuses/" + other).status()).isEqualTo(200);
        assertThat(ids(asBob.get("/api/v1/timelines/home").json())).contains(post).doesNotContain(other);
    }

    // --- helpers

    private void clearCaches() {
        statusCache.clear();
        accountCache.clear();
        marks.clearCache();
        credentials.clear();
    }

    /** The status as it appears in the viewer's home (read twice: the second read is served from the cache). */
    private static JsonNode shown(Api as, String id) {
        as.get("/api/v1/timelines/home");
        for (JsonNode status : as.get("/api/v1/timelines/home").json()) {
            if (status.get("id").asString().equals(id)) {
                return status;
            }
            if (status.get("reblog") != null && !status.get("reblog").isNull()
                    && status.get("reblog").get("id").asString().equals(id)) {
                return status.get("reblog");
            }
        }
        throw new AssertionError(id + " is not in home");
    }

    private Api newPerson() {
        return api.withToken(TestAccounts.newUser(api, "read write follow").token());
    }

    private static String idOf(Api as) {
        return as.get("/api/v1/accounts/verify_credentials").json().get("id").asString();
    }
}
