package app.omnia.moderation.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.Multipart;
import app.omnia.support.TestImages;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Filing reports (Mastodon's and Omnia's), who may see what, chat evidence, and appeals. */
@IntegrationTest
class ReportsAndAppealsTest extends ModerationFixture {

    @Test
    void aReportAnswersMastodonsReportEntity() {
        String status = post(asAuthor, "status", "spam spam spam");
        User reporter = user("read write");

        JsonNode report = report(as(reporter), "account_id", author.id(), "status_ids[]", status, "comment",
                "it is spam", "category", "violation", "rule_ids[]", "2", "forward", "false");

        assertThat(report.get("id").isString()).isTrue();
        assertThat(report.get("action_taken").asBoolean()).isFalse();
        assertThat(report.get("action_taken_at").isNull()).isTrue();
        assertThat(report.get("category").asString()).isEqualTo("violation");
        assertThat(report.get("comment").asString()).isEqualTo("it is spam");
        assertThat(report.get("forwarded").asBoolean()).isFalse();
        assertThat(report.get("status_ids").get(0).asString()).isEqualTo(status);
        assertThat(report.get("rule_ids").get(0).asString()).isEqualTo("2");
        assertThat(report.get("target_account").get("id").asString()).isEqualTo(author.id());
        assertThat(report.has("created_at")).isTrue();
        JsonNode rules = api.get("/api/v1/instance/rules").json();
        assertThat(rules.size()).isEqualTo(3);
        assertThat(rules.get(1).get("id").asString()).isEqualTo("2");
        JsonNode admin = asModerator.get("/api/v1/admin/reports/" + report.get("id").asString()).json();
        assertThat(admin.get("account").get("id").asString()).isEqualTo(reporter.id());
        assertThat(admin.get("rules").get(0).get("text").asString()).isNotBlank();
        assertThat(admin.get("statuses").get(0).get("id").asString()).isEqualTo(status);
        JsonNode assigned = asModerator.postForm("/api/v1/admin/reports/" + report.get("id").asString()
                + "/assign_to_self", Api.form()).json();
        assertThat(assigned.get("assigned_account").get("id").asString()).isEqualTo(moderator.id());
        assertThat(ids(asModerator.get("/api/v1/admin/reports?resolved=false&target_account_id=" + author.id())
                .json())).contains(report.get("id").asString());
    }

    @Test
    void aDismissalKeepsItsReasonInTheAuditAndAnOverlongReasonChangesNothing() {
        String status = post(asAuthor, "status", "a harmless joke");
        String report = report(as(user("read write")), "account_id", author.id(), "status_ids[]", status)
                .get("id").asString();

        Api.Response tooLong = asModerator.postForm("/api/v1/admin/reports/" + report + "/resolve",
                Api.form("text", "x".repeat(5001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(field(tooLong)).isEqualTo("text");
        assertThat(asModerator.get("/api/v1/admin/reports/" + report).json().get("action_taken").asBoolean()).isFalse();

        Api.Response dismissed = asModerator.postForm("/api/v1/admin/reports/" + report + "/resolve",
                Api.form("text", "A joke, not harassment"));
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().get("action_taken").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'report.dismiss' AND target_id = ?")
                .param(Long.parseLong(report)).query(String.class).single()).isEqualTo("A joke, not harassment");
    }

    @Test
    void aModeratorChangesAReportsCategoryAndRulesAndTheChangeIsAudited() {
        String report = report(as(user("read write")), "account_id", author.id(), "category", "spam")
                .get("id").asString();
        int spamSeverity = asModerator.get("/api/v1/admin/reports/" + report).json().get("severity").asInt();

        Api.Response updated = asModerator.send("PUT", "/api/v1/admin/reports/" + report,
                "application/x-www-form-urlencoded", Api.formBody(Api.form("category", "violation", "rule_ids[]", "3")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("category").asString()).isEqualTo("violation");
        assertThat(updated.json().get("rules").get(0).get("id").asString()).isEqualTo("3");
        assertThat(updated.json().has("account")).as("Admin::Report").isTrue();
        Api.Response both = asModerator.send("PUT", "/api/v1/admin/reports/" + report, "application/json",
                Api.JSON.writeValueAsString(java.util.Map.of("rule_ids", List.of("1", "3"))));
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        JsonNode shown = asModerator.get("/api/v1/admin/reports/" + report).json();
        assertThat(shown.toString()).isEqualTo(both.json().toString());
        assertThat(shown.get("category").asString()).isEqualTo("violation");
        assertThat(ids(shown.get("rules"))).containsExactly("1", "3");
        assertThat(shown.get("rules").get(1).get("text").asString()).isNotBlank();
        assertThat(shown.get("severity").asInt()).as("violation weighs more than spam").isGreaterThan(spamSeverity);
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'report.update' AND target_id = ? "
                + "AND actor_id = ? ORDER BY id").params(Long.parseLong(report), Long.parseLong(moderator.id()))
                .query(String.class).list()).containsExactly("category: spam -> violation; rule_ids: none -> 3",
                "rule_ids: 3 -> 1,3");
    }

    @Test
    void updatingAReportRefusesBadInputNamingTheFieldAndChangesNothing() {
        String report = report(as(user("read write")), "account_id", author.id(), "category", "violation",
                "rule_ids[]", "2").get("id").asString();
        String before = asModerator.get("/api/v1/admin/reports/" + report).json().toString();

        assertThat(field(put(asModerator, report, "category", "rude"))).isEqualTo("category");
        assertThat(field(put(asModerator, report, "rule_ids[]", "99"))).isEqualTo("rule_ids");
        assertThat(field(put(asModerator, report, "category", "spam"))).as("rules stay with violation only")
                .isEqualTo("rule_ids");
        assertThat(field(put(asModerator, report, "category", "other", "rule_ids[]", "1"))).isEqualTo("rule_ids");
        assertThat(put(asModerator, "999999999999", "category", "spam").status()).isEqualTo(404);
        assertThat(put(as(user(STAFF_SCOPES)), report, "category", "other", "rule_ids[]", "").status())
                .isEqualTo(403);
        assertThat(asModerator.get("/api/v1/admin/reports/" + report).json().toString()).isEqualTo(before);
        assertThat(auditActions(report)).doesNotContain("report.update");

        Api.Response cleared = put(asModerator, report, "category", "other", "rule_ids[]", "");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("category").asString()).isEqualTo("other");
        assertThat(cleared.json().get("rules").isEmpty()).isTrue();
        assertThat(auditActions(report)).first().isEqualTo("report.update");
    }

    @Test
    void reportingAPrivateStatusOneCannotSeeIs404AndBadInputNamesTheField() {
        String secret = post(asAuthor, "status", "for my followers", "visibility", "private");
        User stranger = user("read write");

        Api.Response hidden = as(stranger).postForm("/api/v1/reports",
                Api.form("account_id", author.id(), "status_ids[]", secret));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                "category", "rude")))).isEqualTo("category");
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                "illegal_category", "unknown")))).isEqualTo("illegal_category");
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                "rule_ids[]", "99")))).isEqualTo("rule_ids");
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form()))).isEqualTo("account_id");
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form("account_id", stranger.id()))))
                .isEqualTo("account_id");
        String others = post(as(stranger), "status", "mine");
        assertThat(field(as(stranger).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                "status_ids[]", others)))).isEqualTo("status_ids");
        assertThat(as(stranger).postForm("/api/v1/reports", Api.form("account_id", "999999999999")).status())
                .isEqualTo(404);
        Long written = jdbc.sql("SELECT COUNT(*) FROM reports WHERE account_id = ?")
                .param(Long.parseLong(stranger.id())).query(Long.class).single();
        assertThat(written).isZero();
    }

    @Test
    void aReportedChatMessageIsKeptAsEvidenceAfterItIsDeleted() {
        User reporter = user("read write");
        Api.Response conversation = asAuthor.postJson("/api/omnia/v1/chat/conversations",
                java.util.Map.of("type", "direct", "account_id", reporter.id()));
        String conversationId = conversation.json().get("id").asString();
        Api.Response sent = asAuthor.postJson("/api/omnia/v1/chat/conversations/" + conversationId + "/messages",
                java.util.Map.of("client_message_id", "m1", "text", "send me your bank password"));
        String message = sent.json().get("id").asString();

        JsonNode report = report(as(reporter), "account_id", author.id(), "conversation_id", conversationId,
                "message_ids[]", message, "category", "legal", "illegal_category", "scams_fraud");
        asAuthor.delete("/api/omnia/v1/chat/conversations/" + conversationId + "/messages/" + message);

        assertThat(report.get("message_ids").get(0).asString()).isEqualTo(message);
        JsonNode admin = asModerator.get("/api/v1/admin/reports/" + report.get("id").asString()).json();
        assertThat(admin.get("messages").get(0).get("text").asString()).isEqualTo("send me your bank password");
        Api.Response outsider = as(user("read write")).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                "conversation_id", conversationId, "message_ids[]", message));
        assertThat(outsider.status()).isEqualTo(404);
    }

    @Test
    void aReportedChatImageStaysEvidenceAndServedAfterTheSenderDeletesItForEveryone() {
        User reporter = user("read write");
        String conversationId = asAuthor.postJson("/api/omnia/v1/chat/conversations",
                java.util.Map.of("type", "direct", "account_id", reporter.id())).json().get("id").asString();
        Api.Response uploaded = new Multipart().file("file", "p.png", "image/png", TestImages.png())
                .send(asAuthor, "POST", "/api/omnia/v1/chat/media");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        Api.Response sent = asAuthor.postJson("/api/omnia/v1/chat/conversations/" + conversationId + "/messages",
                java.util.Map.of("client_message_id", "img1", "text", "look at this",
                        "media_ids", List.of(uploaded.json().get("id").asString())));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String message = sent.json().get("id").asString();
        String imageUrl = sent.json().get("media_attachments").get(0).get("url").asString();

        JsonNode report = report(as(reporter), "account_id", author.id(), "conversation_id", conversationId,
                "message_ids[]", message);
        Api.Response deleted = asAuthor.delete("/api/omnia/v1/chat/conversations/" + conversationId + "/messages/" + message);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);

        JsonNode evidence = asModerator.get("/api/v1/admin/reports/" + report.get("id").asString()).json()
                .get("messages").get(0);
        assertThat(evidence.get("text").asString()).isEqualTo("look at this");
        assertThat(evidence.get("media_urls").get(0).asString()).isEqualTo(imageUrl);
        assertThat(api.get(imageUrl.replaceAll("^https?://[^/]+", "")).status()).isEqualTo(200);
    }

    @Test
    void anAppealGoesToAnotherModeratorAndAReversalUndoesTheDecision() {
        String status = post(asAuthor, "status", "a post the moderator got wrong");
        JsonNode statement = asModerator.postForm("/api/omnia/v1/admin/statuses/" + status + "/action",
                Api.form("type", "remove", "text", "Looked like spam")).json();
        String statementId = statement.get("id").asString();
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(404);

        assertThat(as(user("read write")).postForm("/api/omnia/v1/statements/" + statementId + "/appeal",
                Api.form("text", "not mine")).status()).isEqualTo(404);
        Api.Response appealed = asAuthor.postForm("/api/omnia/v1/statements/" + statementId + "/appeal",
                Api.form("text", "It is a quote from a book, not spam"));
        assertThat(appealed.status()).as(appealed.toString()).isEqualTo(200);
        assertThat(asAuthor.postForm("/api/omnia/v1/statements/" + statementId + "/appeal",
                Api.form("text", "again")).status()).isEqualTo(409);
        String appeal = appealed.json().get("id").asString();
        assertThat(ids(asOtherModerator.get("/api/omnia/v1/admin/appeals?limit=80").json())).contains(appeal);
        assertThat(pendingAppeal(asModerator, appeal).get("can_decide").asBoolean()).as("the moderator who acted").isFalse();
        assertThat(pendingAppeal(asModerator, appeal).get("moderator_id").asString()).isEqualTo(moderator.id());
        assertThat(pendingAppeal(asOtherModerator, appeal).get("can_decide").asBoolean()).isTrue();

        Api.Response sameModerator = asModerator.postForm("/api/omnia/v1/admin/appeals/" + appeal + "/decide",
                Api.form("outcome", "reversed"));
        assertThat(sameModerator.status()).isEqualTo(403);
        Api.Response decided = asOtherModerator.postForm("/api/omnia/v1/admin/appeals/" + appeal + "/decide",
                Api.form("outcome", "reversed", "text", "Quoting is fine"));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("state").asString()).isEqualTo("reversed");
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(200);
        JsonNode shown = asAuthor.get("/api/omnia/v1/statements/" + statementId).json();
        assertThat(shown.get("reversed_at").isNull()).isFalse();
        assertThat(shown.get("appeal").get("state").asString()).isEqualTo("reversed");
        assertThat(auditActions(statementId)).contains("appeal.reverse", "appeal.file");
    }

    @Test
    void aPlainUserGets403OnEveryAdminPath() {
        User plain = user(STAFF_SCOPES);
        Api asPlain = as(plain);
        String report = report(asPlain, "account_id", author.id()).get("id").asString();

        for (String path : List.of("/api/v1/admin/reports", "/api/v1/admin/reports/" + report,
                "/api/omnia/v1/admin/reports/queue", "/api/omnia/v1/admin/statements/export",
                "/api/omnia/v1/admin/appeals")) {
            assertThat(asPlain.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/admin/reports/" + report + "/assign_to_self",
                "/api/v1/admin/reports/" + report + "/unassign", "/api/v1/admin/reports/" + report + "/resolve",
                "/api/v1/admin/reports/" + report + "/reopen", "/api/omnia/v1/admin/appeals/1/decide")) {
            assertThat(asPlain.postForm(path, Api.form("outcome", "upheld")).status()).as(path).isEqualTo(403);
        }
        assertThat(put(asPlain, report, "category", "spam").status()).isEqualTo(403);
        assertThat(asPlain.postForm("/api/v1/admin/accounts/" + author.id() + "/action", Api.form("type", "silence"))
                .status()).isEqualTo(403);
        String status = post(asAuthor, "status", "fine");
        assertThat(asPlain.postForm("/api/omnia/v1/admin/statuses/" + status + "/action", Api.form("type", "remove"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(200);
        assertThat(as(author).get("/api/omnia/v1/reports/" + report).status()).isEqualTo(404);
    }

    private static Api.Response put(Api as, String report, String... form) {
        return as.send("PUT", "/api/v1/admin/reports/" + report, "application/x-www-form-urlencoded",
                Api.formBody(Api.form(form)));
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(400, 422);
        return response.json().at("/errors/0/field").asString();
    }

    private static JsonNode pendingAppeal(Api as, String appealId) {
        return as.get("/api/omnia/v1/admin/appeals?limit=80").json().valueStream()
                .filter(a -> a.get("id").asString().equals(appealId)).findFirst().orElseThrow();
    }
}
