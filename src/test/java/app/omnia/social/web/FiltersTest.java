package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Mastodon's filters API v2 (and the v1 list), and filters applied to timelines: hide removes, warn marks. */
@IntegrationTest
class FiltersTest extends TwoPeopleTest {

    private JsonNode create(Api as, Map<String, Object> body) {
        Api.Response created = as.postJson("/api/v2/filters", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    @Test
    void createReadUpdateAndDeleteAFilterWithKeywordsAndStatuses() {
        JsonNode filter = create(asBob, Map.of("title", "Spoilers", "context", List.of("home", "public"),
                "filter_action", "warn", "expires_in", 3600,
                "keywords_attributes", List.of(Map.of("keyword", "finale", "whole_word", true))));
        String id = filter.get("id").asString();
        assertThat(filter.get("title").asString()).isEqualTo("Spoilers");
        assertThat(filter.get("context").valueStream().map(JsonNode::asString)).containsExactly("home", "public");
        assertThat(filter.get("filter_action").asString()).isEqualTo("warn");
        assertThat(filter.get("expires_at").isNull()).isFalse();
        assertThat(filter.get("keywords").get(0).get("keyword").asString()).isEqualTo("finale");
        assertThat(filter.get("keywords").get(0).get("whole_word").asBoolean()).isTrue();
        assertThat(filter.get("statuses").size()).isZero();

        assertThat(ids(asBob.get("/api/v2/filters").json())).containsExactly(id);
        assertThat(asBob.get("/api/v2/filters/" + id).json().get("title").asString()).isEqualTo("Spoilers");

        String keywordId = filter.get("keywords").get(0).get("id").asString();
        JsonNode updated = asBob.send("PUT", "/api/v2/filters/" + id, "application/json", Api.JSON.writeValueAsString(
                Map.of("title", "Plot", "filter_action", "hide", "expires_in", "", "keywords_attributes", List.of(
                        Map.of("id", keywordId, "_destroy", true), Map.of("keyword", "ending"))))).json();
        assertThat(updated.get("title").asString()).isEqualTo("Plot");
        assertThat(updated.get("filter_action").asString()).isEqualTo("hide");
        assertThat(updated.get("expires_at").isNull()).isTrue();
        assertThat(updated.get("keywords").valueStream().map(k -> k.get("keyword").asString())).containsExactly("ending");

        JsonNode added = asBob.postForm("/api/v2/filters/" + id + "/keywords",
                Map.of("keyword", "twist", "whole_word", "true")).json();
        String twist = added.get("id").asString();
        assertThat(asBob.get("/api/v2/filters/keywords/" + twist).json().get("keyword").asString()).isEqualTo("twist");
        assertThat(asBob.send("PUT", "/api/v2/filters/keywords/" + twist, "application/json",
                "{\"keyword\":\"twists\",\"whole_word\":false}").json().get("whole_word").asBoolean()).isFalse();
        assertThat(asBob.get("/api/v2/filters/" + id + "/keywords").json().size()).isEqualTo(2);
        assertThat(asBob.delete("/api/v2/filters/keywords/" + twist).status()).isEqualTo(200);
        assertThat(asBob.get("/api/v2/filters/keywords/" + twist).status()).isEqualTo(404);

        String post = postStatus(asAlice, "status", "a status to filter");
        JsonNode named = asBob.postForm("/api/v2/filters/" + id + "/statuses", Map.of("status_id", post)).json();
        assertThat(named.get("status_id").asString()).isEqualTo(post);
        String namedId = named.get("id").asString();
        assertThat(asBob.get("/api/v2/filters/statuses/" + namedId).json().get("status_id").asString()).isEqualTo(post);
        assertThat(asBob.get("/api/v2/filters/" + id + "/statuses").json().size()).isEqualTo(1);
        assertThat(asBob.delete("/api/v2/filters/statuses/" + namedId).status()).isEqualTo(200);

        JsonNode v1 = asBob.get("/api/v1/filters").json();
        assertThat(v1.get(0).get("phrase").asString()).isEqualTo("ending");
        assertThat(v1.get(0).get("irreversible").asBoolean()).isTrue();

        assertThat(asBob.delete("/api/v2/filters/" + id).status()).isEqualTo(200);
        assertThat(asBob.get("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(asBob.get("/api/v2/filters").json().size()).isZero();
    }

    @Test
    void anotherPersonsFiltersAreNotFound() {
        JsonNode filter = create(asBob, Map.of("title", "Mine", "context", List.of("home"),
                "keywords_attributes", List.of(Map.of("keyword", "secret"))));
        String id = filter.get("id").asString();
        String keyword = filter.get("keywords").get(0).get("id").asString();
        assertThat(asAlice.get("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(asAlice.send("PUT", "/api/v2/filters/" + id, "application/json", "{\"title\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(asAlice.delete("/api/v2/filters/" + id).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v2/filters/keywords/" + keyword).status()).isEqualTo(404);
        assertThat(asAlice.delete("/api/v2/filters/keywords/" + keyword).status()).isEqualTo(404);
        assertThat(asAlice.postForm("/api/v2/filters/" + id + "/keywords", Map.of("keyword", "x")).status())
                .isEqualTo(404);
        assertThat(asAlice.get("/api/v2/filters").json().size()).isZero();
        assertThat(asBob.get("/api/v2/filters/" + id).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        assertThat(asBob.postJson("/api/v2/filters", Map.of("context", List.of("home"))).status()).isEqualTo(422);
        Api.Response noContext = asBob.postJson("/api/v2/filters", Map.of("title", "t"));
        assertThat(noContext.status()).isEqualTo(422);
        assertThat(noContext.body()).contains("context");
        assertThat(asBob.postJson("/api/v2/filters", Map.of("title", "t", "context", List.of("nowhere"))).status())
                .isEqualTo(422);
        assertThat(asBob.postJson("/api/v2/filters", Map.of("title", "t", "context", List.of("home"),
                "filter_action", "explode")).body()).contains("filter_action");
        assertThat(asBob.postJson("/api/v2/filters", Map.of("title", "t", "context", List.of("home"),
                "expires_in", "soon")).status()).isEqualTo(422);
        assertThat(asBob.postJson("/api/v2/filters", Map.of("title", "t", "context", List.of("home"),
                "keywords_attributes", List.of(Map.of("keyword", " ")))).status()).isEqualTo(422);
        assertThat(asBob.get("/api/v2/filters").json().size()).isZero();
        assertThat(asBob.get("/api/v2/filters/123").status()).isEqualTo(404);
        assertThat(asBob.get("/api/v2/filters/abc").status()).isEqualTo(404);
        String id = create(asBob, Map.of("title", "t", "context", List.of("home"))).get("id").asString();
        assertThat(asBob.postForm("/api/v2/filters/" + id + "/statuses", Map.of("status_id", "999")).status())
                .isEqualTo(422);
        assertThat(asBob.postForm("/api/v2/filters/" + id + "/keywords", Map.of()).status()).isEqualTo(422);
        assertThat(api.get("/api/v2/filters").status()).isEqualTo(401);
    }

    @Test
    void hideFiltersTakeMatchingStatusesOutOfHomeAndPublicAndWarnFiltersMarkThem() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        asBob.get("/api/v1/timelines/home");
        String hidden = postStatus(asAlice, "status", "the Finale was great");
        String warned = postStatus(asAlice, "status", "about the weather today");
        String partial = postStatus(asAlice, "status", "finalement, rien");
        String plain = postStatus(asAlice, "status", "nothing to see");
        String reblogOfHidden = reblogOf(newReblogger(), hidden);
        create(asBob, Map.of("title", "Spoilers", "context", List.of("home", "public"), "filter_action", "hide",
                "keywords_attributes", List.of(Map.of("keyword", "finale", "whole_word", true))));
        create(asBob, Map.of("title", "Weather", "context", List.of("home"), "filter_action", "warn",
                "keywords_attributes", List.of(Map.of("keyword", "weather"))));

        List<String> home = ids(asBob.get("/api/v1/timelines/home").json());
        assertThat(home).contains(warned, partial, plain).doesNotContain(hidden, reblogOfHidden);
        assertThat(ids(asBob.get("/api/v1/timelines/public?limit=40").json())).doesNotContain(hidden);
        assertThat(ids(asAlice.get("/api/v1/timelines/public?limit=40").json())).contains(hidden);

        JsonNode page = asBob.get("/api/v1/timelines/home").json();
        JsonNode shown = page.valueStream().filter(s -> s.get("id").asString().equals(warned)).findFirst().orElseThrow();
        JsonNode result = shown.get("filtered").get(0);
        assertThat(result.get("filter").get("title").asString()).isEqualTo("Weather");
        assertThat(result.get("filter").get("filter_action").asString()).isEqualTo("warn");
        assertThat(result.get("keyword_matches").get(0).asString()).isEqualTo("weather");
        JsonNode clean = page.valueStream().filter(s -> s.get("id").asString().equals(plain)).findFirst().orElseThrow();
        assertThat(clean.get("filtered").size()).isZero();
        // Alice has no filters: she sees the same status unmarked.
        assertThat(asAlice.get("/api/v1/statuses/" + warned).json().get("filtered").size()).isZero();
    }

    @Test
    void expiredFiltersNoLongerApply() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String post = postStatus(asAlice, "status", "an expiring word");
        String id = create(asBob, Map.of("title", "Soon over", "context", List.of("home"), "filter_action", "hide",
                "expires_in", 3600, "keywords_attributes", List.of(Map.of("keyword", "expiring")))).get("id").asString();
        assertThat(ids(asBob.get("/api/v1/timelines/home").json())).doesNotContain(post);
        // Removing the expiry keeps it; a past expiry cannot be asked for, so end it by deleting the filter.
        asBob.delete("/api/v2/filters/" + id);
        assertThat(ids(asBob.get("/api/v1/timelines/home").json())).contains(post);
    }

    private Api newReblogger() {
        Api as = api.withToken(app.omnia.support.TestAccounts.newUser(api, "read write follow").token());
        asBob.postForm("/api/v1/accounts/" + as.get("/api/v1/accounts/verify_credentials").json().get("id").asString()
                + "/follow", Map.of());
        return as;
    }

    private static String reblogOf(Api as, String id) {
        Api.Response r = as.postForm("/api/v1/statuses/" + id + "/reblog", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asString();
    }
}
