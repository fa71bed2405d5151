package app.omnia.social.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A hashtag's page and search results carry Mastodon's weekly history: uses and accounts per day. */
@IntegrationTest
class TagHistoryTest extends TwoPeopleTest {

    @Test
    void todaysUsesAndAccountsAreCountedFromPublicAndUnlistedPostsOnly() {
        String tag = "hist" + Long.toString(System.nanoTime(), 36);
        asAlice.postForm("/api/v1/statuses", Api.form("status", "one #" + tag));
        asAlice.postForm("/api/v1/statuses", Api.form("status", "two #" + tag, "visibility", "unlisted"));
        asBob.postForm("/api/v1/statuses", Api.form("status", "three #" + tag));
        asBob.postForm("/api/v1/statuses", Api.form("status", "secret #" + tag, "visibility", "private"));

        JsonNode history = api.get("/api/v1/tags/" + tag).json().get("history");
        assertThat(history.size()).isEqualTo(7);
        long today = Instant.now().truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        assertThat(history.get(0).get("day").asString()).isEqualTo(String.valueOf(today));
        assertThat(history.get(0).get("uses").asString()).isEqualTo("3");
        assertThat(history.get(0).get("accounts").asString()).isEqualTo("2");
        assertThat(history.get(1).get("uses").asString()).isEqualTo("0");
        assertThat(history.get(6).get("day").asString()).isEqualTo(String.valueOf(today - 6 * 86_400));

        JsonNode found = asBob.get("/api/v2/search?type=hashtags&q=" + tag).json().get("hashtags");
        assertThat(found.get(0).get("history").get(0).get("uses").asString()).isEqualTo("3");
    }
}
