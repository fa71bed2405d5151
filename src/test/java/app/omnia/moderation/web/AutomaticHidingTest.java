package app.omnia.moderation.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Items reported by enough distinct, credible reporters are hidden pending review; a dismissal restores them. */
@IntegrationTest
class AutomaticHidingTest extends ModerationFixture {

    @Test
    void threeDistinctReportersHideAStatusEverywhereAndADismissalRestoresIt() {
        String word = TestAccounts.uniqueName("w");
        String tag = TestAccounts.uniqueName("t");
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String status = post(asAuthor, "status", word + " #" + tag);
        List<User> reporters = List.of(established(), established(), established());

        JsonNode first = report(as(reporters.get(0)), "account_id", author.id(), "status_ids[]", status,
                "category", "spam", "comment", "buy now");
        report(as(reporters.get(1)), "account_id", author.id(), "status_ids[]", status);
        assertThat(listed(api, "/api/v1/timelines/public")).contains(status);
        // Read (so cached with its marks) before it is hidden: hiding must evict the cached marks.
        assertThat(listed(as(follower), "/api/v1/timelines/home")).contains(status);
        assertThat(as(follower).get("/api/v1/statuses/" + status).json().get("spoiler_text").asString()).isEmpty();

        report(as(reporters.get(2)), "account_id", author.id(), "status_ids[]", status);

        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        assertThat(listed(api, "/api/v1/timelines/tag/" + tag)).doesNotContain(status);
        assertThat(listed(as(follower), "/api/v1/timelines/home")).doesNotContain(status);
        assertThat(searched(as(follower), word)).doesNotContain(status);
        JsonNode opened = as(follower).get("/api/v1/statuses/" + status).json();
        assertThat(opened.get("sensitive").asBoolean()).isTrue();
        assertThat(opened.get("spoiler_text").asString()).startsWith("Hidden pending moderation review");
        JsonNode statements = asAuthor.get("/api/omnia/v1/statements").json();
        assertThat(statements.get(0).get("decision").asString()).isEqualTo("hide");
        assertThat(statements.get(0).get("automated_decision").asString()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(auditActions(status)).contains("content.hide");

        Api.Response dismissed = asModerator.postForm("/api/v1/admin/reports/" + first.get("id").asString()
                + "/resolve", Api.form());

        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().get("action_taken").asBoolean()).isTrue();
        assertThat(listed(api, "/api/v1/timelines/public")).contains(status);
        assertThat(listed(as(follower), "/api/v1/timelines/home")).contains(status);
        assertThat(searched(as(follower), word)).contains(status);
        assertThat(as(follower).get("/api/v1/statuses/" + status).json().get("spoiler_text").asString()).isEmpty();
        assertThat(asAuthor.get("/api/omnia/v1/statements").json().get(0).get("reversed_at").isNull()).isFalse();
        assertThat(auditActions(status)).contains("content.restore");
        JsonNode outcome = as(reporters.get(0)).get("/api/omnia/v1/reports/" + first.get("id").asString()).json();
        assertThat(outcome.get("outcome").asString()).isEqualTo("dismissed");
    }

    @Test
    void threeReportersOfAnImageHideTheStatusShowingIt() {
        String media = uploadPng(asAuthor);
        String status = post(asAuthor, "status", "a picture", "media_ids[]", media);
        assertThat(api.get("/api/v1/statuses/" + status).json().get("sensitive").asBoolean()).as("cached clear").isFalse();

        for (int i = 0; i < 3; i++) {
            report(as(established()), "account_id", author.id(), "media_ids[]", media, "category", "legal",
                    "illegal_category", "ip_infringement");
        }

        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        assertThat(api.get("/api/v1/statuses/" + status).json().get("sensitive").asBoolean()).isTrue();
    }

    @Test
    void aBrigadeOfNewAccountsThatFollowEachOtherDoesNotHideIt() {
        String status = post(asAuthor, "status", "an unpopular opinion");
        List<User> brigade = List.of(user("read write follow"), user("read write follow"), user("read write follow"),
                user("read write follow"), user("read write follow"), user("read write follow"));
        for (int i = 0; i < brigade.size(); i++) {
            User next = brigade.get((i + 1) % brigade.size());
            as(brigade.get(i)).postForm("/api/v1/accounts/" + next.id() + "/follow", Api.form());
        }

        for (User member : brigade) {
            report(as(member), "account_id", author.id(), "status_ids[]", status, "category", "violation",
                    "rule_ids[]", "3");
        }

        assertThat(listed(api, "/api/v1/timelines/public")).contains(status);
        assertThat(api.get("/api/v1/statuses/" + status).json().get("spoiler_text").asString()).isEmpty();
    }

    @Test
    void officialAccountsAreNeverHiddenButLeadTheQueue() {
        User admin = staff(Role.ADMIN);
        as(admin).postForm("/api/omnia/v1/admin/accounts/" + author.id() + "/verifications",
                Api.form("kind", "government"));
        String status = post(asAuthor, "status", "an official announcement");

        for (int i = 0; i < 3; i++) {
            report(as(established()), "account_id", author.id(), "status_ids[]", status, "category", "spam");
        }

        assertThat(listed(api, "/api/v1/timelines/public")).contains(status);
        JsonNode queue = asModerator.get("/api/omnia/v1/admin/reports/queue?limit=100").json();
        assertThat(queue.get(0).get("target_account").get("id").asString()).isEqualTo(author.id());
        assertThat(queue.get(0).get("statuses").get(0).get("id").asString()).isEqualTo(status);
    }
}
