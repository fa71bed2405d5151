package app.omnia.moderation.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.WebPages;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Moderators' actions: each leaves a statement of reasons and an audit entry; suspension empties every read path. */
@IntegrationTest
class ModerationActionsTest extends ModerationFixture {

    @org.springframework.beans.factory.annotation.Autowired
    app.omnia.moderation.TemporarySuspensions suspensions;

    @Test
    void aSuspendedAccountCannotSignInAndItsPostsVanishFromEveryReadPath() {
        User viewer = user("read write follow");
        Api asViewer = as(viewer);
        String word = TestAccounts.uniqueName("w");
        String tag = TestAccounts.uniqueName("t");
        asViewer.postForm("/api/v1/accounts/" + author.id() + "/follow", Api.form());
        String status = post(asAuthor, "status", "@" + viewer.username() + " " + word + " #" + tag);
        String reply = post(asViewer, "status", "a reply", "in_reply_to_id", status);
        asViewer.postForm("/api/v1/statuses/" + status + "/favourite", Api.form());
        assertThat(listed(asViewer, "/api/v1/favourites")).contains(status);
        JsonNode report = report(asViewer, "account_id", author.id(), "status_ids[]", status);

        Api.Response suspended = asModerator.postForm("/api/v1/admin/accounts/" + author.id() + "/action",
                Api.form("type", "suspend", "report_id", report.get("id").asString(), "text", "Repeated scams"));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(asAuthor.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(WebPages.signIn(api.stranger(), author.username(), TestAccounts.PASSWORD, null).status())
                .isNotIn(200, 302, 303);
        assertThat(asViewer.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        assertThat(ids(asViewer.get("/api/v1/statuses/" + reply + "/context").json().get("ancestors"))).isEmpty();
        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        assertThat(listed(api, "/api/v1/timelines/tag/" + tag)).doesNotContain(status);
        assertThat(listed(asViewer, "/api/v1/timelines/home")).doesNotContain(status);
        assertThat(listed(asViewer, "/api/v1/accounts/" + author.id() + "/statuses")).isEmpty();
        assertThat(searched(asViewer, word)).doesNotContain(status);
        assertThat(listed(asViewer, "/api/v1/favourites")).doesNotContain(status);
        JsonNode notifications = asViewer.get("/api/v1/notifications").json();
        assertThat(notifications.findValuesAsString("type")).doesNotContain("mention");
        assertThat(auditActions(author.id())).contains("account.suspend");
        JsonNode outcome = asViewer.get("/api/omnia/v1/reports/" + report.get("id").asString()).json();
        assertThat(outcome.get("action_taken").asBoolean()).isTrue();
        assertThat(outcome.get("outcome").asString()).isEqualTo("actioned");
        Long statements = jdbc.sql("SELECT COUNT(*) FROM moderation_statements WHERE account_id = ? AND action = 'suspend'")
                .param(Long.parseLong(author.id())).query(Long.class).single();
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void everyActionWritesAStatementOfReasonsAndAnAuditEntry() {
        String removed = post(asAuthor, "status", "something illegal");
        String limited = post(asAuthor, "status", "something borderline");
        String media = uploadPng(asAuthor);
        String pictured = post(asAuthor, "status", "a picture", "media_ids[]", media);
        JsonNode report = report(as(established()), "account_id", author.id(), "status_ids[]", removed,
                "category", "legal", "illegal_category", "illegal_hate_speech");

        JsonNode statement = act("/api/omnia/v1/admin/statuses/" + removed + "/action", "type", "remove",
                "report_id", report.get("id").asString(), "illegal_category", "illegal_hate_speech",
                "legal_ground", "Criminal code, incitement to hatred", "text", "Calls for violence against a group",
                "territorial_scope[]", "FR");
        act("/api/omnia/v1/admin/statuses/" + limited + "/action", "type", "limit", "text", "Borderline");
        act("/api/omnia/v1/admin/media/" + media + "/action", "type", "sensitive", "text", "Graphic");
        act("/api/v1/admin/accounts/" + author.id() + "/action", "type", "silence", "text", "Repeated borderline posts");
        act("/api/v1/admin/accounts/" + author.id() + "/action", "type", "sensitive", "text", "Graphic media");
        act("/api/v1/admin/accounts/" + author.id() + "/action", "type", "none", "text", "A warning");

        assertThat(statement.get("decision").asString()).isEqualTo("remove");
        assertThat(api.get("/api/v1/statuses/" + removed).status()).isEqualTo(404);
        assertThat(asAuthor.get("/api/v1/statuses/" + removed).json().get("spoiler_text").asString())
                .startsWith("Removed by the moderators");
        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(removed, limited, pictured);
        assertThat(api.get("/api/v1/statuses/" + pictured).json().get("sensitive").asBoolean()).isTrue();
        JsonNode own = asAuthor.get("/api/omnia/v1/statements").json();
        assertThat(own.findValuesAsString("decision")).containsExactly("warn", "sensitize", "silence",
                "mark_sensitive", "limit", "remove");
        JsonNode first = own.get(5);
        assertThat(first.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(first.get("category").asString()).isEqualTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        assertThat(first.get("territorial_scope").get(0).asString()).isEqualTo("FR");
        assertThat(first.get("automated_decision").asString()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(first.get("redress").get("options").size()).isEqualTo(3);
        assertThat(auditActions(removed)).contains("content.remove");
        assertThat(auditActions(limited)).contains("content.limit");
        assertThat(auditActions(media)).contains("content.mark_sensitive");
        assertThat(auditActions(author.id())).contains("account.silence", "account.sensitize", "account.warn");

        JsonNode export = asModerator.get("/api/omnia/v1/admin/statements/export?limit=500").json();
        JsonNode exported = export.valueStream().filter(e -> e.get("puid").asString()
                .equals("omnia-statement-" + statement.get("id").asString())).findFirst().orElseThrow();
        assertThat(exported.get("decision_visibility").get(0).asString()).isEqualTo("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(exported.get("decision_ground").asString()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(exported.get("illegal_content_legal_ground").asString()).contains("Criminal code");
        assertThat(exported.get("automated_detection").asString()).isEqualTo("No");
        assertThat(exported.get("source_type").asString()).isEqualTo("SOURCE_ARTICLE_16");
        assertThat(exported.get("content_type").get(0).asString()).isEqualTo("CONTENT_TYPE_TEXT");
        assertThat(exported.has("application_date")).isTrue();
        assertThat(exported.has("content_date")).isTrue();
    }

    @Test
    void aTemporarySuspensionCarriesItsEndAndAPastEndIsRefused() {
        Instant until = Instant.now().plus(3, ChronoUnit.DAYS);
        act("/api/v1/admin/accounts/" + author.id() + "/action", "type", "suspend",
                "suspended_until", until.toString(), "text", "Cooling off");
        User other = user("read write");

        Api.Response past = asModerator.postForm("/api/v1/admin/accounts/" + other.id() + "/action",
                Api.form("type", "suspend", "suspended_until", "2001-01-01T00:00:00Z"));

        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().at("/errors/0/field").asString()).isEqualTo("suspended_until");
        String ends = jdbc.sql("SELECT ends_at FROM moderation_statements WHERE account_id = ?")
                .param(Long.parseLong(author.id())).query(String.class).single();
        assertThat(ends).isNotNull();
        assertThat(as(other).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        suspensions.liftEnded(until.plusSeconds(60));

        assertThat(accounts.findById(Long.parseLong(author.id())).orElseThrow().suspended()).isFalse();
        assertThat(auditActions(author.id())).contains("account.unsuspend");
    }

    @Test
    void aModeratorFreezesAWalletWithAStatementOfReasonsAndAnAuditEntry() {
        assertThat(asAuthor.get("/api/omnia/v1/wallet/limits").json().get("frozen").asBoolean()).isFalse();

        act("/api/v1/admin/accounts/" + author.id() + "/action", "type", "freeze_wallet",
                "text", "Payments linked to a reported scam");

        JsonNode statement = asAuthor.get("/api/omnia/v1/statements").json().get(0);
        assertThat(statement.get("decision").asString()).isEqualTo("freeze_wallet");
        JsonNode limits = asAuthor.get("/api/omnia/v1/wallet/limits").json();
        assertThat(limits.get("frozen").asBoolean()).isTrue();
        assertThat(limits.get("frozen_reason").asString()).isEqualTo("Payments linked to a reported scam");
        assertThat(auditActions(author.id())).contains("wallet.freeze", "account.freeze_wallet");
        JsonNode export = asModerator.get("/api/omnia/v1/admin/statements/export?limit=500").json();
        JsonNode exported = export.valueStream().filter(e -> e.get("puid").asString()
                .equals("omnia-statement-" + statement.get("id").asString())).findFirst().orElseThrow();
        assertThat(exported.get("decision_monetary").asString()).isEqualTo("DECISION_MONETARY_SUSPENSION");
    }
}
