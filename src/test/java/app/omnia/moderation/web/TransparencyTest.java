package app.omnia.moderation.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The transparency report: counts of reports and actions, automated and human, median time to action. */
@IntegrationTest
class TransparencyTest extends ModerationFixture {

    @Test
    void theReportCountsReportsAndActionsAndTheMedianTimeToActionAsJsonAndCsv() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String range = "?from=" + today + "&to=" + today.plusDays(1);
        JsonNode before = figures(range);
        String status = post(asAuthor, "status", "a scam");
        String report = report(as(established()), "account_id", author.id(), "status_ids[]", status,
                "category", "legal", "illegal_category", "scams_fraud").get("id").asString();
        String other = report(as(established()), "account_id", author.id(), "category", "spam").get("id").asString();
        asModerator.postForm("/api/omnia/v1/admin/statuses/" + status + "/action", Api.form("type", "remove",
                "report_id", report, "illegal_category", "scams_fraud", "text", "A scam"));
        asModerator.postForm("/api/v1/admin/reports/" + other + "/resolve", Api.form());

        JsonNode after = figures(range);

        assertThat(delta(before, after, "/reports/total")).isEqualTo(2);
        assertThat(delta(before, after, "/reports/by_category/legal")).isEqualTo(1);
        assertThat(delta(before, after, "/reports/by_category/spam")).isEqualTo(1);
        assertThat(delta(before, after, "/reports/by_illegal_category/scams_fraud")).isEqualTo(1);
        assertThat(delta(before, after, "/actions/by_type/remove")).isEqualTo(1);
        assertThat(delta(before, after, "/actions/human")).isEqualTo(1);
        assertThat(after.at("/median_seconds_to_action/all").isNumber()).isTrue();
        assertThat(after.at("/median_seconds_to_action/by_category/legal").isNumber()).isTrue();
        assertThat(after.at("/periods/0/period").asString()).isEqualTo(today.toString().substring(0, 7));
        Api.Response csv = asModerator.get("/api/omnia/v1/admin/transparency.csv" + range);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,key,value\n")
                .contains("reports_by_category,legal," + after.at("/reports/by_category/legal").asLong() + "\n")
                .contains("actions_by_type,remove,");
    }

    @Test
    void badRangesNameTheFieldAndPlainUsersGet403() {
        assertThat(field(asModerator.get("/api/omnia/v1/admin/transparency?from=yesterday"))).isEqualTo("from");
        assertThat(field(asModerator.get("/api/omnia/v1/admin/transparency?from=2026-02-01&to=2026-01-01")))
                .isEqualTo("to");
        assertThat(field(asModerator.get("/api/omnia/v1/admin/transparency?from=2020-01-01&to=2026-01-01")))
                .isEqualTo("to");
        assertThat(as(user(STAFF_SCOPES)).get("/api/omnia/v1/admin/transparency").status()).isEqualTo(403);
        assertThat(as(user(STAFF_SCOPES)).get("/api/omnia/v1/admin/transparency.csv").status()).isEqualTo(403);
    }

    private JsonNode figures(String range) {
        Api.Response response = asModerator.get("/api/omnia/v1/admin/transparency" + range);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong(0) - before.at(pointer).asLong(0);
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().at("/errors/0/field").asString();
    }
}
