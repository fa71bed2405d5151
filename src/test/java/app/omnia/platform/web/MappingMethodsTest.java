package app.omnia.platform.web;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request mappings for other methods, or whose patterns' literal beginning the path lacks, are passed over
 * ({@link QuickRejectHandlerMapping}): what Spring decides must not change, on paths with a variable (matched
 * against every mapping) as on plain ones, and on paths written with percent-encoded characters.
 */
@IntegrationTest
class MappingMethodsTest extends TwoPeopleTest {

    private static final HttpRequest.BodyPublisher NONE = HttpRequest.BodyPublishers.noBody();

    @Test
    void eachMethodReachesItsOwnMappingOnAPathWithAVariable() {
        String account = "/api/v1/accounts/" + bob.id();
        Api.Response get = asAlice.get(account);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().get("id").asString()).isEqualTo(bob.id());
        assertThat(asAlice.send("HEAD", account, null, NONE, Map.of()).status()).as("HEAD is served by GET's mapping")
                .isEqualTo(200);
        Api.Response follow = asAlice.send("POST", account + "/follow", null, NONE, Map.of());
        assertThat(follow.status()).as(follow.toString()).isEqualTo(200);
        assertThat(follow.json().get("following").asBoolean()).isTrue();
    }

    @Test
    void aPathIsMatchedAsSpringDecodesIt() {
        Api.Response encoded = asAlice.get("/api/v1/%61ccounts/" + bob.id());
        assertThat(encoded.status()).as(encoded.toString()).isEqualTo(200);
        assertThat(encoded.json().get("id").asString()).isEqualTo(bob.id());
        assertThat(asAlice.get("/api/v1/accountz/" + bob.id()).status()).isEqualTo(404);
    }

    @Test
    void aMethodNoMappingTakesIsRefusedWith405NotMissing() {
        Api.Response put = asAlice.send("PUT", "/api/v1/accounts/" + bob.id() + "/follow", null, NONE, Map.of());
        assertThat(put.status()).as(put.toString()).isEqualTo(405);
    }

    @Test
    void aCorsPreFlightIsAnsweredForAPathWithAVariable() {
        Api.Response preFlight = api.send("OPTIONS", "/api/v1/accounts/" + bob.id() + "/follow", null, NONE,
                Map.of("Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST"));
        assertThat(preFlight.status()).as(preFlight.toString()).isEqualTo(200);
        assertThat(preFlight.header("Access-Control-Allow-Methods")).contains("POST");
    }
}
