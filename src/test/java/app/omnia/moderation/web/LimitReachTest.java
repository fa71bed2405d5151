package app.omnia.moderation.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Limit reach" (an account silenced, or one status limited) takes posts out of trends, search and the public
 * and hashtag timelines, but not out of their followers' home timelines nor the author's profile.
 */
@IntegrationTest
class LimitReachTest extends ModerationFixture {

    @Test
    void aLimitedAccountsPostsLeaveTrendsAndSearchButStayInFollowersHomes() {
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        User other = user("read write");
        User fan = user("read write");
        String tag = "reach" + author.id();
        String otherTag = "reach" + other.id();
        String limited = post(asAuthor, "status", "reachword" + author.id() + " #" + tag);
        String kept = post(as(other), "status", "reachword" + author.id() + " #" + otherTag);
        as(fan).postForm("/api/v1/statuses/" + limited + "/favourite", Api.form());
        as(fan).postForm("/api/v1/statuses/" + kept + "/favourite", Api.form());
        assertThat(trending("/api/v1/trends/statuses", 40, "id")).contains(limited, kept);
        assertThat(trending("/api/v1/trends/tags", 20, "name")).contains(tag, otherTag);
        assertThat(searched(as(fan), "reachword" + author.id())).contains(limited, kept);

        Api.Response silenced = asModerator.postForm("/api/v1/admin/accounts/" + author.id() + "/action",
                Api.form("type", "silence", "text", "Spammy reach"));
        assertThat(silenced.status()).as(silenced.toString()).isEqualTo(200);
        String later = post(asAuthor, "status", "after the limit #" + tag);
        as(fan).postForm("/api/v1/statuses/" + later + "/favourite", Api.form());

        assertThat(trending("/api/v1/trends/statuses", 40, "id")).doesNotContain(limited, later).contains(kept);
        assertThat(trending("/api/v1/trends/tags", 20, "name")).doesNotContain(tag).contains(otherTag);
        assertThat(searched(as(fan), "reachword" + author.id())).doesNotContain(limited).contains(kept);
        assertThat(listed(as(fan), "/api/v1/timelines/public?limit=40")).doesNotContain(limited, later);
        assertThat(listed(as(fan), "/api/v1/timelines/tag/" + tag)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listed(as(follower), "/api/v1/timelines/home").containsAll(List.of(limited, later)));
        assertThat(listed(as(follower), "/api/v1/accounts/" + author.id() + "/statuses")).contains(limited, later);
    }

    @Test
    void aLimitedStatusLeavesTrendsAndSearchButStaysAtHome() {
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String word = "limitword" + author.id();
        String status = post(asAuthor, "status", word);
        as(user("read write")).postForm("/api/v1/statuses/" + status + "/favourite", Api.form());
        assertThat(trending("/api/v1/trends/statuses", 40, "id")).contains(status);
        Api.Response notANumber = api.get("/api/v1/trends/statuses?limit=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().at("/errors/0/field").asString()).isEqualTo("limit");

        Api.Response limited = asModerator.postForm("/api/omnia/v1/admin/statuses/" + status + "/action",
                Api.form("type", "limit", "text", "Borderline"));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(200);

        assertThat(trending("/api/v1/trends/statuses", 40, "id")).doesNotContain(status);
        assertThat(searched(as(follower), word)).doesNotContain(status);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listed(as(follower), "/api/v1/timelines/home").contains(status));
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(200);
    }
}
