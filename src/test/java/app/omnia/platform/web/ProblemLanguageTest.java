package app.omnia.platform.web;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
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

    /** Sign-up: a taken username and a date of birth below the country's minimum age, each naming its field. */
    @Test
    void aSignUpRefusalIsExplainedInFrench() {
        Api stranger = api.stranger();
        String appToken = TestAccounts.appToken(stranger,
                TestAccounts.registerApp(stranger, "read write"), "write:accounts");
        Api app = stranger.withToken(appToken);
        Map<String, String> taken = new java.util.HashMap<>(TestAccounts.adult(alice.username()));
        taken.put("email", TestAccounts.uniqueName("other") + "@example.org");
        Map<String, String> young = new java.util.HashMap<>(TestAccounts.adult(TestAccounts.uniqueName("young")));
        young.put("date_of_birth", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(14).toString());
        young.put("country", "FR");

        JsonNode takenProblem = problem(app, "POST", "/api/v1/accounts", form(taken), FORM, FRENCH);
        JsonNode youngProblem = problem(app, "POST", "/api/v1/accounts", form(young), FORM, FRENCH);

        assertThat(takenProblem.get("error").asString())
                .isEqualTo("Échec de la validation : Ce nom d'utilisateur est déjà pris");
        assertThat(takenProblem.at("/details/username/0/description").asString())
                .isEqualTo("Ce nom d'utilisateur est déjà pris");
        assertThat(takenProblem.at("/details/username/0/error").asString()).isEqualTo("ERR_TAKEN");
        assertThat(youngProblem.at("/errors/0/field").asString()).isEqualTo("date_of_birth");
        assertThat(youngProblem.at("/errors/0/message").asString())
                .isEqualTo("Vous n'avez pas l'âge minimum requis : 15 ans pour le pays FR");
    }

    /** The wallet: money to yourself, and more money than the balance holds. */
    @Test
    void aWalletRefusalIsExplainedInFrench() {
        String toMyself = "{\"to\":\"@" + alice.username() + "\",\"amount\":\"5.00\"}";
        String toBob = "{\"to\":\"@" + bob.username() + "\",\"amount\":\"5.00\"}";

        JsonNode myself = problem(asAlice, "POST", "/api/omnia/v1/wallet/transfers", toMyself, JSON, FRENCH);
        JsonNode tooMuch = problem(asAlice, "POST", "/api/omnia/v1/wallet/transfers", toBob, JSON, FRENCH);

        assertThat(myself.get("error").asString())
                .isEqualTo("Échec de la validation : Vous ne pouvez ni vous envoyer de l'argent ni vous en demander");
        assertThat(tooMuch.get("type").asString()).isEqualTo("urn:omnia:problem:insufficient-funds");
        assertThat(tooMuch.get("title").asString()).isEqualTo("Solde insuffisant");
        assertThat(tooMuch.get("error").asString()).isEqualTo("Votre solde est insuffisant pour ce montant");
        assertThat(tooMuch.at("/errors/0/field").asString()).isEqualTo("amount");
    }

    /** Chat: writing to someone who blocked you. */
    @Test
    void aChatRefusalIsExplainedInFrench() {
        assertThat(asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of()).status()).isEqualTo(200);
        String direct = "{\"type\":\"direct\",\"account_id\":\"" + bob.id() + "\"}";

        JsonNode blocked = problem(asAlice, "POST", "/api/omnia/v1/chat/conversations", direct, JSON, FRENCH);

        assertThat(blocked.get("type").asString()).isEqualTo("urn:omnia:problem:chat-blocked");
        assertThat(blocked.get("title").asString()).isEqualTo("Bloqué");
        assertThat(blocked.get("error").asString()).isEqualTo("Vous ne pouvez pas écrire à ce compte");
    }

    private static final Map<String, String> FRENCH = Map.of("Accept-Language", "fr");
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String form(Map<String, String> fields) {
        return Api.formBody(fields);
    }

    private static JsonNode problem(Api as, String method, String path, String body, String contentType,
                                    Map<String, String> headers) {
        Api.Response response = as.send(method, path, contentType, HttpRequest.BodyPublishers.ofString(body), headers);
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        return response.json();
    }

    private static JsonNode problem(Api as, String method, String path, String json, Map<String, String> headers) {
        Api.Response response = as.send(method, path, json == null ? null : "application/json",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json), headers);
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        return response.json();
    }
}
