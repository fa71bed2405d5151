package app.omnia.support;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

/**
 * Base of the social tests: two fresh people, alice and bob, each with a read-write-follow token and an
 * API client of their own. Subclasses carry {@link IntegrationTest}, so all share one server.
 */
public abstract class TwoPeopleTest {

    @LocalServerPort
    protected int port;

    protected Api api;
    protected User alice;
    protected User bob;
    protected Api asAlice;
    protected Api asBob;

    @BeforeEach
    void twoPeople() {
        api = Api.at(port);
        alice = TestAccounts.newUser(api, "read write follow");
        bob = TestAccounts.newUser(api, "read write follow");
        asAlice = api.withToken(alice.token());
        asBob = api.withToken(bob.token());
    }

    /** Posts a status from form fields ({@code "status", "text", ...}) and returns its id; anything but 200 fails. */
    protected static String postStatus(Api as, String... form) {
        Api.Response posted = as.postForm("/api/v1/statuses", Api.form(form));
        org.assertj.core.api.Assertions.assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        return posted.json().get("id").asString();
    }

    /** The top-level ids of a JSON array of statuses or accounts, in order. */
    protected static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }
}
