package app.omnia.platform.web;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems answer in the caller's language, as Mastodon's errors do: French for {@code Accept-Language: fr}
 * or the app's language cookie, English otherwise; field names and codes never change.
 */
@IntegrationTest
class ProblemLanguageTest extends TwoPeopleTest {

    @Test
    void aMissingRecordIsExplainedInTheRequestsLanguage() {
        JsonNode french = problem(asBob, "GET", "/api/v1/statuses/1", null, Map.of("Accept-Language", "fr-FR,fr;q=0.9"));
        JsonNode english = problem(asBob, "GET", "/api/v1/statuses/1", null, Map.of());
        JsonNode chosen = problem(asBob, "GET", "/api/v1/statuses/1", null,
                Map.of("Accept-Language", "en-US", "Cookie", "omnia_lang=fr"));

        assertThat(french.get("error").asString()).isEqualTo("Élément introuvable");
        assertThat(french.get("title").asString()).isEqualTo("Introuvable");
        assertThat(english.get("error").asString()).isEqualTo("Record not found");
        assertThat(chosen.get("error").asString()).isEqualTo("Élément introuvable");
    }

    @Test
    void aValidationProblemKeepsItsFieldAndCodeWhileItsSentenceIsTranslated() {
        JsonNode french = problem(asBob, "POST", "/api/v1/statuses", "{\"status\":\"\"}",
                Map.of("Accept-Language", "fr"));

        assertThat(french.get("type").asString()).isEqualTo("urn:omnia:problem:validation-failed");
        assertThat(french.get("error").asString()).startsWith("Échec de la validation : ");
        assertThat(french.get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(french.get("errors").get(0).get("code").asString()).isNotBlank();
    }

    private static JsonNode problem(Api as, String method, String path, String json, Map<String, String> headers) {
        Api.Response response = as.send(method, path, json == null ? null : "application/json",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json), headers);
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        return response.json();
    }
}
