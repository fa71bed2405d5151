package app.omnia.moderation.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.identity.Role;
import app.omnia.social.ScheduledStatusService;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static app.omnia.support.StreamClient.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way a supervised account publishes to others waits for its reviewers, not only new posts: boosts,
 * replies, quotes, polls, scheduled posts when they fall due, and edits of posts already approved (the
 * published version stays until the edit is approved; a rejected edit leaves it as it was).
 */
@IntegrationTest
class SupervisedPublishingTest extends ModerationFixture {

    @Autowired
    ScheduledStatusService scheduler;

    User reviewer;
    Api asReviewer;
    User other;
    Api asOther;

    @BeforeEach
    void supervised() {
        reviewer = user("read write");
        asReviewer = as(reviewer);
        other = user("read write follow");
        asOther = as(other);
        supervise(as(staff(Role.ADMIN)), author, reviewer);
    }

    @Test
    void aBoostWaitsForReviewThenReachesFollowersAndTellsTheOriginalsAuthor() {
        String original = post(asOther, "status", "worth sharing");
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());

        Api.Response boosted = asAuthor.postForm("/api/v1/statuses/" + original + "/reblog", Api.form());

        assertThat(boosted.status()).as(boosted.toString()).isEqualTo(200);
        String boost = boosted.json().get("id").asString();
        assertThat(boosted.json().at("/omnia/review_state").asString()).isEqualTo("pending");
        assertThat(boosted.json().at("/reblog/reblogged").asBoolean()).isTrue();
        assertThat(asOther.get("/api/v1/notifications").json().findValuesAsString("type")).doesNotContain("reblog");
        assertThat(ids(asOther.get("/api/v1/statuses/" + original + "/reblogged_by").json())).doesNotContain(author.id());
        assertThat(asOther.get("/api/v1/statuses/" + original).json().get("reblogs_count").asLong()).isZero();
        assertThat(listed(as(follower), "/api/v1/accounts/" + author.id() + "/statuses")).doesNotContain(boost);
        assertThat(listed(as(follower), "/api/v1/timelines/home")).doesNotContain(boost);
        assertThat(as(follower).get("/api/v1/statuses/" + boost).status()).isEqualTo(404);
        assertThat(ids(asReviewer.get("/api/omnia/v1/supervision/reviews").json())).contains(boost);

        Api.Response approved = asReviewer.postForm(approve(boost), Api.form());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listed(as(follower), "/api/v1/timelines/home").contains(boost));
        assertThat(asOther.get("/api/v1/notifications").json().findValuesAsString("type")).contains("reblog");
        assertThat(ids(asOther.get("/api/v1/statuses/" + original + "/reblogged_by").json())).contains(author.id());
        assertThat(asOther.get("/api/v1/statuses/" + original).json().get("reblogs_count").asLong()).isEqualTo(1);
    }

    @Test
    void aWaitingPostOrBoostItsAuthorDeletesLeavesTheQueue() {
        String original = post(asOther, "status", "worth sharing");
        String boost = asAuthor.postForm("/api/v1/statuses/" + original + "/reblog", Api.form()).json()
                .get("id").asString();
        String status = post(asAuthor, "status", "second thoughts");
        assertThat(ids(asReviewer.get("/api/omnia/v1/supervision/reviews").json())).contains(boost, status);

        assertThat(asAuthor.postForm("/api/v1/statuses/" + original + "/unreblog", Api.form()).status()).isEqualTo(200);
        assertThat(asAuthor.delete("/api/v1/statuses/" + status).status()).isEqualTo(200);

        assertThat(ids(asReviewer.get("/api/omnia/v1/supervision/reviews").json())).doesNotContain(boost, status);
        assertThat(asReviewer.postForm(approve(status), Api.form()).status()).isEqualTo(404);
        assertThat(asOther.get("/api/v1/notifications").json().findValuesAsString("type")).doesNotContain("reblog");
    }

    @Test
    void repliesQuotesPollsAndScheduledPostsWaitForReviewToo() {
        String parent = post(asOther, "status", "what do you think?");
        String reply = post(asAuthor, "status", "@" + other.username() + " I agree", "in_reply_to_id", parent);
        String quote = post(asAuthor, "status", "look at this", "quoted_status_id", parent);
        Api.Response polled = asAuthor.postJson("/api/v1/statuses", java.util.Map.of("status", "vote",
                "poll", java.util.Map.of("options", List.of("yes", "no"), "expires_in", 3600)));
        assertThat(polled.status()).as(polled.toString()).isEqualTo(200);
        String poll = polled.json().get("id").asString();
        String pollId = polled.json().at("/poll/id").asString();
        String at = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(asAuthor.postForm("/api/v1/statuses", Api.form("status", "scheduled words", "scheduled_at", at))
                .status()).isEqualTo(200);
        scheduler.publishDue(Instant.now().plus(Duration.ofHours(3)));
        String scheduled = asAuthor.get("/api/omnia/v1/supervision/posts").json().valueStream()
                .filter(r -> r.at("/status/content").asString().contains("scheduled words"))
                .map(r -> r.get("id").asString()).findFirst().orElseThrow();

        for (String held : List.of(reply, quote, poll, scheduled)) {
            assertThat(asOther.get("/api/v1/statuses/" + held).status()).as(held).isEqualTo(404);
            assertThat(asAuthor.get("/api/v1/statuses/" + held).json().at("/omnia/review_state").asString())
                    .isEqualTo("pending");
        }
        assertThat(ids(asOther.get("/api/v1/statuses/" + parent + "/context").json().get("descendants")))
                .doesNotContain(reply);
        assertThat(asOther.get("/api/v1/notifications").json().findValuesAsString("type"))
                .doesNotContain("mention", "quote");
        assertThat(asOther.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
        JsonNode parentSeen = asOther.get("/api/v1/statuses/" + parent).json();
        assertThat(parentSeen.get("replies_count").asLong()).isZero();
        assertThat(parentSeen.get("quotes_count").asLong()).isZero();
        assertThat(ids(asReviewer.get("/api/omnia/v1/supervision/reviews").json()))
                .contains(reply, quote, poll, scheduled);

        assertThat(asReviewer.postForm(approve(reply), Api.form()).status()).isEqualTo(200);
        assertThat(asReviewer.postForm(approve(quote), Api.form()).status()).isEqualTo(200);
        assertThat(ids(asOther.get("/api/v1/statuses/" + parent + "/context").json().get("descendants")))
                .contains(reply);
        assertThat(asOther.get("/api/v1/notifications").json().findValuesAsString("type")).contains("mention", "quote");
        parentSeen = asOther.get("/api/v1/statuses/" + parent).json();
        assertThat(parentSeen.get("replies_count").asLong()).isEqualTo(1);
        assertThat(parentSeen.get("quotes_count").asLong()).isEqualTo(1);
        assertThat(asOther.get("/api/v1/statuses/" + poll).status()).isEqualTo(404);
    }

    @Test
    void anEditOfAnApprovedPostWaitsWhileThePublishedVersionStaysThenIsAppliedWhenApproved() {
        User follower = user("read write follow");
        as(follower).postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String status = post(asAuthor, "status", "first words");
        assertThat(asReviewer.postForm(approve(status), Api.form()).status()).isEqualTo(200);
        String media = uploadPng(asAuthor);

        try (StreamClient followers = StreamClient.open(port, "", b -> b.subprotocols(follower.token()))
                .subscribe("user")) {
            Api.Response edited = edit(status, "status", "second words", "media_ids[]", media);

            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.json().get("content").asString()).contains("first words");
            assertThat(edited.json().at("/omnia/review_state").asString()).isEqualTo("edit_pending");
            JsonNode published = asOther.get("/api/v1/statuses/" + status).json();
            assertThat(published.get("content").asString()).contains("first words");
            assertThat(published.get("edited_at").isNull()).isTrue();
            assertThat(published.get("media_attachments")).isEmpty();
            assertThat(asOther.get("/api/v1/statuses/" + status + "/history").json()).hasSize(1);
            assertThat(asOther.get("/api/v1/statuses/" + status).json().has("omnia")).isFalse();
            Api.Response second = edit(status, "status", "third words");
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            JsonNode review = asReviewer.get("/api/omnia/v1/supervision/reviews").json().valueStream()
                    .filter(r -> r.get("status_id").asString().equals(status)).findFirst().orElseThrow();
            assertThat(review.get("kind").asString()).isEqualTo("edit");
            assertThat(review.at("/edit/status").asString()).isEqualTo("second words");
            assertThat(review.at("/status/content").asString()).contains("first words");
            String editReview = review.get("id").asString();
            JsonNode own = asAuthor.get("/api/omnia/v1/supervision/posts").json().get(0);
            assertThat(own.get("id").asString()).isEqualTo(editReview);
            assertThat(own.get("state").asString()).isEqualTo("pending");

            Api.Response approved = asReviewer.postForm(approve(editReview), Api.form());

            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            // Nothing was streamed while the edit waited: the next event is the approved version.
            JsonNode update = followers.next();
            assertThat(update.get("event").asString()).isEqualTo("status.update");
            assertThat(payload(update).get("content").asString()).contains("second words");
        }
        JsonNode shown = asOther.get("/api/v1/statuses/" + status).json();
        assertThat(shown.get("content").asString()).contains("second words");
        assertThat(shown.get("media_attachments")).hasSize(1);
        assertThat(shown.get("edited_at").isNull()).isFalse();
        assertThat(asOther.get("/api/v1/statuses/" + status + "/history").json()).hasSize(2);
        assertThat(auditActions(status)).contains("content.approve_edit");
    }

    @Test
    void aRejectedEditLeavesThePublishedVersionAndTheAuthorGetsTheReasonAndMayAppeal() {
        String status = post(asAuthor, "status", "honest words");
        assertThat(asReviewer.postForm(approve(status), Api.form()).status()).isEqualTo(200);
        assertThat(edit(status, "status", "misleading words").status()).isEqualTo(200);
        String editReview = asAuthor.get("/api/omnia/v1/supervision/posts").json().get(0).get("id").asString();

        Api.Response rejected = asReviewer.postForm(reject(editReview), Api.form("reason", "Misleads about the facts"));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(asOther.get("/api/v1/statuses/" + status).json().get("content").asString()).contains("honest words");
        JsonNode own = asAuthor.get("/api/omnia/v1/supervision/posts").json().get(0);
        assertThat(own.get("kind").asString()).isEqualTo("edit");
        assertThat(own.get("state").asString()).isEqualTo("rejected");
        String statementId = own.get("statement_id").asString();
        JsonNode statement = asAuthor.get("/api/omnia/v1/statements/" + statementId).json();
        assertThat(statement.get("decision").asString()).isEqualTo("reject");
        assertThat(statement.toString()).contains("Misleads about the facts");
        assertThat(auditActions(status)).contains("content.reject");
        assertThat(asAuthor.get("/api/v1/statuses/" + status).json().has("omnia")).isFalse();

        String appeal = asAuthor.postForm("/api/omnia/v1/statements/" + statementId + "/appeal",
                Api.form("text", "The facts are right")).json().get("id").asString();
        Api.Response reversed = asOtherModerator.postForm("/api/omnia/v1/admin/appeals/" + appeal + "/decide",
                Api.form("outcome", "reversed", "text", "The edit is accurate"));

        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(asOther.get("/api/v1/statuses/" + status).json().get("content").asString())
                .contains("misleading words");
        assertThat(asAuthor.get("/api/omnia/v1/supervision/posts").json().get(0).get("state").asString())
                .isEqualTo("approved");
    }

    private Api.Response edit(String status, String... form) {
        return asAuthor.send("PUT", "/api/v1/statuses/" + status, "application/x-www-form-urlencoded",
                Api.formBody(Api.form(form)));
    }
}
