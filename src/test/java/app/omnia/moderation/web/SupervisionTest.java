package app.omnia.moderation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Supervised accounts: posts wait unpublished for a named reviewer, then are published or rejected. */
@IntegrationTest
class SupervisionTest extends ModerationFixture {

    @Test
    void aSupervisedPostIsInvisibleUntilApprovedThenPublishedEverywhereWithItsOriginalTime() {
        User admin = staff(Role.ADMIN);
        User reviewer = user("read write");
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        supervise(as(admin), author, reviewer);
        String word = TestAccounts.uniqueName("w");

        String status = post(asAuthor, "status", word + " hello @" + follower.username());

        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        assertThat(listed(as(follower), "/api/v1/timelines/home")).doesNotContain(status);
        assertThat(listed(as(follower), "/api/v1/accounts/" + author.id() + "/statuses")).doesNotContain(status);
        assertThat(searched(as(follower), word)).doesNotContain(status);
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        assertThat(as(follower).get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        assertThat(as(follower).get("/api/v1/notifications").json().findValuesAsString("type")).doesNotContain("mention");
        JsonNode own = asAuthor.get("/api/v1/statuses/" + status).json();
        assertThat(own.at("/omnia/review_state").asString()).isEqualTo("pending");
        String createdAt = own.get("created_at").asString();
        JsonNode mine = asAuthor.get("/api/omnia/v1/supervision/posts").json();
        assertThat(mine.get(0).get("id").asString()).isEqualTo(status);
        assertThat(mine.get(0).get("state").asString()).isEqualTo("pending");
        assertThat(ids(as(reviewer).get("/api/omnia/v1/supervision/reviews").json())).contains(status);
        assertThat(ids(asModerator.get("/api/omnia/v1/supervision/reviews").json())).doesNotContain(status);

        assertThat(asModerator.postForm(approve(status), Api.form()).status()).isEqualTo(403);
        assertThat(as(follower).postForm(approve(status), Api.form()).status()).isEqualTo(403);
        assertThat(asAuthor.postForm(approve(status), Api.form()).status()).isEqualTo(403);
        Api.Response approved = as(reviewer).postForm(approve(status), Api.form());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        assertThat(as(reviewer).postForm(approve(status), Api.form()).status()).isEqualTo(409);
        JsonNode shown = api.get("/api/v1/statuses/" + status).json();
        assertThat(shown.get("created_at").asString()).isEqualTo(createdAt);
        assertThat(shown.has("omnia")).isFalse();
        assertThat(listed(api, "/api/v1/timelines/public")).contains(status);
        assertThat(listed(as(follower), "/api/v1/accounts/" + author.id() + "/statuses")).contains(status);
        assertThat(searched(as(follower), word)).contains(status);
        assertThat(eventuallyListed(as(follower), "/api/v1/timelines/home", status)).contains(status);
        assertThat(as(follower).get("/api/v1/notifications").json().findValuesAsString("type")).contains("mention");
        assertThat(asAuthor.get("/api/v1/statuses/" + status).json().has("omnia")).isFalse();
        assertThat(Instant.parse(asAuthor.get("/api/omnia/v1/supervision/posts").json().get(0).get("decided_at")
                .asString())).isAfterOrEqualTo(Instant.parse(createdAt));
        assertThat(auditActions(status)).contains("content.approve");
        assertThat(auditActions(author.id())).contains("account.supervise");
    }

    @Test
    void aRejectedPostStaysInvisibleAndTheAuthorGetsAStatementOfReasons() {
        User admin = staff(Role.ADMIN);
        User reviewer = user("read write");
        supervise(as(admin), author, reviewer);
        String status = post(asAuthor, "status", "buy my pills");

        Api.Response blank = as(reviewer).postForm(reject(status), Api.form());
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().at("/errors/0/field").asString()).isEqualTo("reason");
        Api.Response rejected = as(admin).postForm(reject(status), Api.form("reason", "Advertises medicines"));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("state").asString()).isEqualTo("rejected");
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        JsonNode own = asAuthor.get("/api/v1/statuses/" + status).json();
        assertThat(own.at("/omnia/review_state").asString()).isEqualTo("rejected");
        assertThat(own.get("spoiler_text").asString()).startsWith("Not approved by the reviewers");
        JsonNode statement = asAuthor.get("/api/omnia/v1/statements").json().get(0);
        assertThat(statement.get("decision").asString()).isEqualTo("reject");
        assertThat(statement.get("id").asString()).isEqualTo(rejected.json().get("statement_id").asString());
        assertThat(auditActions(status)).contains("content.reject");
        assertThat(as(reviewer).postForm(approve(status), Api.form()).status()).isEqualTo(409);
    }

    @Test
    void onlyAdminsPlaceSupervisionAndEndingItPublishesNewPostsAtOnce() {
        User reviewer = user("read write");
        Api.Response byModerator = asModerator.postForm("/api/omnia/v1/admin/supervisions",
                Api.form("account_id", author.id(), "reviewer_ids[]", reviewer.id()));
        assertThat(byModerator.status()).isEqualTo(403);
        User admin = staff(Role.ADMIN);
        Api.Response noReviewer = as(admin).postForm("/api/omnia/v1/admin/supervisions",
                Api.form("account_id", author.id()));
        assertThat(noReviewer.status()).isEqualTo(422);
        assertThat(noReviewer.json().at("/errors/0/field").asString()).isEqualTo("reviewer_ids");
        assertThat(as(admin).postForm("/api/omnia/v1/admin/supervisions", Api.form("account_id", author.id(),
                "reviewer_ids[]", author.id())).status()).isEqualTo(422);
        supervise(as(admin), author, reviewer);
        assertThat(as(admin).get("/api/omnia/v1/admin/supervisions/" + author.id()).json().get("reviewer_ids")
                .get(0).asString()).isEqualTo(reviewer.id());

        assertThat(as(admin).delete("/api/omnia/v1/admin/supervisions/" + author.id()).status()).isEqualTo(200);

        String status = post(asAuthor, "status", "free again");
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(200);
        assertThat(auditActions(author.id())).contains("account.unsupervise");
    }

    /** Home timelines are filled by the fan-out after commit: poll, with a deadline, until the status arrives. */
    private List<String> eventuallyListed(Api as, String path, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<String> listed = listed(as, path);
        while (!listed.contains(status) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            listed = listed(as, path);
        }
        return listed;
    }
}
