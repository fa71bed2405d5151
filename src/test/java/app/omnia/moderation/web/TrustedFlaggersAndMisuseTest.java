package app.omnia.moderation.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Trusted flaggers (DSA art. 22) and measures against misuse (DSA art. 23). */
@IntegrationTest
class TrustedFlaggersAndMisuseTest extends ModerationFixture {

    @Test
    void aTrustedFlaggersReportLeadsTheQueueAndCountsFullyTowardsHiding() {
        User admin = staff(Role.ADMIN);
        User flagger = user("read write"); // a new account: its report would count half
        assertThat(asModerator.postForm("/api/omnia/v1/admin/trusted_flaggers", Api.form("account_id", flagger.id()))
                .status()).isEqualTo(403);
        Api.Response granted = as(admin).postForm("/api/omnia/v1/admin/trusted_flaggers",
                Api.form("account_id", flagger.id(), "note", "Consumer protection association"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(as(admin).get("/api/omnia/v1/admin/trusted_flaggers").json().findValuesAsString("account_id"))
                .contains(flagger.id());
        assertThat(auditActions(flagger.id())).contains("account.trusted_flagger.grant");
        String grave = post(asAuthor, "status", "something grave");
        String spam = post(asAuthor, "status", "something spammy");

        String ordinary = report(as(established()), "account_id", author.id(), "status_ids[]", grave,
                "category", "legal", "illegal_category", "child_safety").get("id").asString();
        String flagged = report(as(flagger), "account_id", author.id(), "status_ids[]", spam,
                "category", "spam").get("id").asString();

        JsonNode queue = asModerator.get("/api/omnia/v1/admin/reports/queue?limit=100").json();
        List<String> order = ids(queue);
        List<Boolean> trusted = new ArrayList<>();
        queue.forEach(r -> trusted.add(r.get("trusted_flagger").asBoolean()));
        assertThat(order).contains(flagged);
        assertThat(trusted.subList(0, order.indexOf(flagged) + 1)).containsOnly(true);
        assertThat(trusted.indexOf(false)).isGreaterThan(order.indexOf(flagged));
        if (order.contains(ordinary)) {
            assertThat(order.indexOf(flagged)).isLessThan(order.indexOf(ordinary));
        }

        report(as(established()), "account_id", author.id(), "status_ids[]", spam);
        assertThat(listed(api, "/api/v1/timelines/public")).contains(spam); // 1 + 1: not yet
        report(as(established()), "account_id", author.id(), "status_ids[]", spam);

        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(spam); // 1 + 1 + 1, not 0.5 + 2
        assertThat(as(admin).delete("/api/omnia/v1/admin/trusted_flaggers/" + flagger.id()).status()).isEqualTo(200);
        assertThat(auditActions(flagger.id())).contains("account.trusted_flagger.revoke");
    }

    @Test
    void aReporterWhoseReportsAreDismissedLosesTheRightToReportForAWhile() {
        User reporter = established();
        for (int i = 0; i < 5; i++) {
            String status = post(asAuthor, "status", "harmless " + i);
            String report = report(as(reporter), "account_id", author.id(), "status_ids[]", status).get("id").asString();
            Api.Response dismissed = asModerator.postForm("/api/v1/admin/reports/" + report + "/resolve", Api.form());
            assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        }

        Api.Response refused = as(reporter).postForm("/api/v1/reports", Api.form("account_id", author.id()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("reporting-suspended");
        assertThat(refused.json().get("until").asString()).isNotBlank();
        JsonNode statement = as(reporter).get("/api/omnia/v1/statements").json().get(0);
        assertThat(statement.get("decision").asString()).isEqualTo("suspend_reporting");
        assertThat(statement.get("automated_decision").asString()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(statement.get("id").asString()).isEqualTo(refused.json().get("statement_id").asString());
        User other = established();
        assertThat(as(other).postForm("/api/v1/reports", Api.form("account_id", author.id())).status()).isEqualTo(200);
    }

    @Test
    void repeatedIllegalContentBringsAnAutomatedWarningThenAnAutomatedSuspension() {
        List<String> statuses = List.of(post(asAuthor, "status", "illegal 1"), post(asAuthor, "status", "illegal 2"),
                post(asAuthor, "status", "illegal 3"));

        remove(statuses.get(0));
        assertThat(decisions()).containsExactly("remove");
        remove(statuses.get(1));
        assertThat(decisions()).containsExactly("warn", "remove", "remove");
        assertThat(asAuthor.get("/api/omnia/v1/statements").json().get(0).get("automated_decision").asString())
                .isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(asAuthor.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        remove(statuses.get(2));

        assertThat(asAuthor.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        String automated = jdbc.sql("SELECT automated_decision FROM moderation_statements WHERE account_id = ? "
                + "AND action = 'suspend' AND ends_at IS NOT NULL").param(Long.parseLong(author.id()))
                .query(String.class).single();
        assertThat(automated).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(auditActions(author.id())).contains("account.suspend", "account.warn");
    }

    private void remove(String status) {
        Api.Response removed = asModerator.postForm("/api/omnia/v1/admin/statuses/" + status + "/action",
                Api.form("type", "remove", "illegal_category", "scams_fraud", "legal_ground", "Fraud act",
                        "text", "A scam"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    }

    private List<String> decisions() {
        return jdbc.sql("SELECT action FROM moderation_statements WHERE account_id = ? ORDER BY id DESC")
                .param(Long.parseLong(author.id())).query(String.class).list();
    }
}
