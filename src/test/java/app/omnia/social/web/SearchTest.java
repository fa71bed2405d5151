package app.omnia.social.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Search finds what is public and discoverable, and nothing a block or visibility hides. */
@IntegrationTest
class SearchTest {

    @LocalServerPort
    int port;

    Api api;
    User alice;
    Api asAlice;
    String word;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write follow");
        asAlice = api.withToken(alice.token());
        word = "zq" + Long.toString(Instant.now().toEpochMilli(), 36) + alice.username().substring(2, 6);
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }

    @Test
    void publicStatusesAndHashtagsAreFoundButPrivateOnesAreNot() {
        String open = asAlice.postForm("/api/v1/statuses", Api.form("status", "About " + word + " #" + word))
                .json().get("id").asString();
        String closed = asAlice.postForm("/api/v1/statuses", Api.form("status", "secret " + word,
                "visibility", "private")).json().get("id").asString();

        JsonNode results = api.get("/api/v2/search?q=" + word).json();

        assertThat(ids(results.get("statuses"))).containsExactly(open).doesNotContain(closed);
        assertThat(results.get("hashtags").get(0).get("name").asString()).isEqualTo(word);
        assertThat(api.get("/api/v2/search?q=%23" + word + "&type=hashtags").json().get("statuses")).isEmpty();
    }

    @Test
    void onlyDiscoverableAccountsAreListed() {
        JsonNode found = api.get("/api/v2/search?type=accounts&q=" + alice.username()).json().get("accounts");
        assertThat(ids(found)).containsExactly(alice.id());

        asAlice.patchForm("/api/v1/accounts/update_credentials", Api.form("discoverable", "false"));
        assertThat(api.get("/api/v2/search?type=accounts&q=" + alice.username()).json().get("accounts")).isEmpty();
    }

    @Test
    void blocksHideAccountsAndStatusesFromSearch() {
        User mallory = TestAccounts.newUser(api, "read write follow");
        asAlice.postForm("/api/v1/statuses", Api.form("status", "findable " + word));
        asAlice.postForm("/api/v1/accounts/" + mallory.id() + "/block", Api.form());

        JsonNode results = api.withToken(mallory.token()).get("/api/v2/search?q=" + word).json();
        assertThat(results.get("statuses")).isEmpty();
        assertThat(api.withToken(mallory.token()).get("/api/v2/search?type=accounts&q=" + alice.username()).json()
                .get("accounts")).isEmpty();
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        assertThat(api.get("/api/v2/search?q=").json().at("/errors/0/field").asString()).isEqualTo("q");
        assertThat(api.get("/api/v2/search?q=x&type=people").json().at("/errors/0/field").asString()).isEqualTo("type");
        assertThat(api.get("/api/v2/search?q=x&limit=lots").status()).isEqualTo(400);
        assertThat(api.get("/api/v2/search?q=100%25_sure").status()).isEqualTo(200);
    }
}
