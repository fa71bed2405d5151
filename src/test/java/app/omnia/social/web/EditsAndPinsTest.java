package app.omnia.social.web;

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

/** Editing with history and source, and pinning (at most five) to the profile. */
@IntegrationTest
class EditsAndPinsTest {

    @LocalServerPort
    int port;

    Api api;
    User alice;
    Api asAlice;
    Api asBob;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write follow");
        asAlice = api.withToken(alice.token());
        asBob = api.withToken(TestAccounts.newUser(api, "read write follow").token());
    }

    private String post(String text) {
        return asAlice.postForm("/api/v1/statuses", Api.form("status", text)).json().get("id").asString();
    }

    private Api.Response edit(Api as, String id, String text) {
        return as.send("PUT", "/api/v1/statuses/" + id, "application/json",
                Api.JSON.writeValueAsString(java.util.Map.of("status", text, "spoiler_text", "edited")));
    }

    @Test
    void anEditKeepsEveryVersionAndTheSource() {
        String id = post("first <draft> #one");

        JsonNode edited = edit(asAlice, id, "second take #two").json();
        edit(asAlice, id, "third take");

        assertThat(edited.get("content").asString()).contains("second take");
        assertThat(edited.get("edited_at").isString()).isTrue();
        assertThat(edited.at("/tags/0/name").asString()).isEqualTo("two");
        JsonNode history = api.get("/api/v1/statuses/" + id + "/history").json();
        assertThat(history.valueStream().map(v -> v.get("content").asString()).toList())
                .satisfiesExactly(v -> assertThat(v).contains("first &lt;draft&gt;"),
                        v -> assertThat(v).contains("second take"), v -> assertThat(v).contains("third take"));
        assertThat(history.get(2).get("spoiler_text").asString()).isEqualTo("edited");
        JsonNode source = asAlice.get("/api/v1/statuses/" + id + "/source").json();
        assertThat(source.get("text").asString()).isEqualTo("third take");
        assertThat(source.get("id").asString()).isEqualTo(id);
    }

    @Test
    void someoneElsesStatusCannotBeEditedAndBadEditsChangeNothing() {
        String id = post("mine");

        assertThat(edit(asBob, id, "hijacked").status()).isEqualTo(404);
        Api.Response blank = edit(asAlice, id, " ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().at("/errors/0/field").asString()).isEqualTo("status");
        assertThat(api.get("/api/v1/statuses/" + id).json().get("content").asString()).contains("mine");
        assertThat(api.get("/api/v1/statuses/" + id + "/history").json()).hasSize(1);
    }

    @Test
    void atMostFivePinsShownOnTheProfileAndOnlyOwnStatuses() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(post("pin me " + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(asAlice.postForm("/api/v1/statuses/" + ids.get(i) + "/pin", Api.form()).json()
                    .get("pinned").asBoolean()).isTrue();
        }

        Api.Response sixth = asAlice.postForm("/api/v1/statuses/" + ids.get(5) + "/pin", Api.form());
        assertThat(sixth.status()).isEqualTo(422);
        assertThat(asBob.postForm("/api/v1/statuses/" + ids.get(5) + "/pin", Api.form()).status()).isEqualTo(422);
        JsonNode pinned = api.get("/api/v1/accounts/" + alice.id() + "/statuses?pinned=true").json();
        assertThat(pinned.valueStream().map(s -> s.get("id").asString()).toList())
                .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        asAlice.postForm("/api/v1/statuses/" + ids.get(0) + "/unpin", Api.form());
        assertThat(asAlice.postForm("/api/v1/statuses/" + ids.get(5) + "/pin", Api.form()).status()).isEqualTo(200);
    }
}
