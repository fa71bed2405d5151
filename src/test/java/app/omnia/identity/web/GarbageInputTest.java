package app.omnia.identity.web;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage on every endpoint of the identity module: malformed JSON, wrong types, unknown or impossible ids,
 * missing parameters, oversize bodies, a non-image as an image. Each answer must be a 4xx problem document
 * naming what was wrong; never a 500, never a stack trace.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GarbageInputTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Api api;
    String userToken;
    String adminToken;
    String appToken;

    @BeforeAll
    void setUp() {
        api = Api.at(port);
        User user = TestAccounts.newUser(api, "read write");
        User admin = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(admin.id()), Role.ADMIN, Instant.now());
        userToken = user.token();
        adminToken = admin.token();
        appToken = TestAccounts.appToken(api, TestAccounts.registerApp(api, "read write"), "write");
    }

    /** (token kind, method, path, content type, body). */
    Stream<Arguments> garbage() {
        List<Arguments> cases = new ArrayList<>();
        // Each write endpoint, with a body whose fields have the wrong types for that endpoint.
        String[][] writes = {
                {"none", "POST", "/api/v1/apps", "{\"client_name\": {\"a\": 1}, \"redirect_uris\": {\"x\": 1}}"},
                {"none", "POST", "/oauth/token", "{\"grant_type\": 5, \"client_id\": [\"a\"]}"},
                {"none", "POST", "/oauth/revoke", "{\"client_id\": {}, \"token\": [1]}"},
                {"app", "POST", "/api/v1/accounts",
                        "{\"username\": [1], \"agreement\": \"maybe\", \"date_of_birth\": 12}"},
                {"user", "PATCH", "/api/v1/accounts/update_credentials",
                        "{\"display_name\": {\"x\": 1}, \"locked\": \"perhaps\", \"fields_attributes\": 7}"},
                {"user", "POST", "/api/omnia/v1/account/password", "{\"current_password\": [\"x\"]}"},
                {"user", "POST", "/api/omnia/v1/account/two_factor/confirm", "{\"otp\": {\"code\": 1}}"},
                {"user", "DELETE", "/api/omnia/v1/account/two_factor", "{\"password\": [\"x\"]}"},
                {"admin", "POST", "/api/v1/admin/accounts/1/action", "{\"type\": [\"suspend\"]}"},
                {"admin", "PUT", "/api/omnia/v1/admin/accounts/1/role", "{\"role\": [\"admin\"]}"},
                {"admin", "POST", "/api/omnia/v1/admin/accounts/1/verifications", "{\"kind\": {}}"},
        };
        List<String> malformed = List.of("{", "[1,2,3]", "\"text\"", "{\"a\": }", "\u0000\u0001\u0002",
                "{\"a\":\"" + "x".repeat(1_100_000) + "\"}");
        for (String[] w : writes) {
            cases.add(Arguments.of(w[0], w[1], w[2], JSON, w[3]));
            for (String body : malformed) {
                cases.add(Arguments.of(w[0], w[1], w[2], JSON, body));
            }
            cases.add(Arguments.of(w[0], w[1], w[2], FORM, "%%%=&&=%ZZ"));
            cases.add(Arguments.of(w[0], w[1], w[2], "not a media type", "x"));
        }
        for (String id : List.of("abc", "99999999999999999999", "-1", "0", "%00", "1.5", "9223372036854775807")) {
            cases.add(Arguments.of("none", "GET", "/api/v1/accounts/" + id, null, null));
            cases.add(Arguments.of("admin", "POST", "/api/v1/admin/accounts/" + id + "/approve", JSON, "{}"));
            cases.add(Arguments.of("admin", "POST", "/api/v1/admin/accounts/" + id + "/unsuspend", JSON, "{}"));
            cases.add(Arguments.of("admin", "DELETE", "/api/omnia/v1/admin/accounts/" + id + "/verifications/identity",
                    null, null));
        }
        cases.add(Arguments.of("none", "GET", "/api/v1/accounts/lookup", null, null));
        cases.add(Arguments.of("none", "GET", "/api/v1/accounts/lookup?acct=", null, null));
        cases.add(Arguments.of("none", "GET", "/api/v1/accounts/lookup?acct=%40%40%40", null, null));
        cases.add(Arguments.of("admin", "GET", "/api/omnia/v1/admin/audit_log?max_id=zz&limit=lots", null, null));
        cases.add(Arguments.of("admin", "GET", "/api/omnia/v1/admin/audit_log?account_id=nope", null, null));
        cases.add(Arguments.of("none", "GET", "/.well-known/webfinger?resource=%25%25", null, null));
        cases.add(Arguments.of("none", "GET", "/api/v1/nothing-here", null, null));
        cases.add(Arguments.of("user", "DELETE", "/api/v1/accounts/verify_credentials", null, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} {2} [{3}] {4}")
    @MethodSource("garbage")
    void garbageGetsAClearClientError(String who, String method, String path, String contentType, String body) {
        Api caller = switch (who) {
            case "user" -> api.withToken(userToken);
            case "admin" -> api.withToken(adminToken);
            case "app" -> api.withToken(appToken);
            default -> api;
        };
        String shortBody = body == null ? null : body;
        Api.Response response = caller.send(method, path, contentType, shortBody);

        assertProblem(response, method + " " + path);
    }

    @Test
    void theOutOfBandCodePageWithoutACodeIsABadRequest() {
        assertThat(api.get("/oauth/authorize/native").status()).isEqualTo(400);
    }

    @Test
    void aNonImageAvatarIsRefusedNamingTheField() {
        String boundary = "----omnia" + System.nanoTime();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\r\n--"
                + boundary + "--\r\n";
        Api.Response response = api.withToken(userToken).send("PATCH", "/api/v1/accounts/update_credentials",
                "multipart/form-data; boundary=" + boundary, multipart);

        assertProblem(response, "avatar");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("avatar");
    }

    @Test
    void anOversizeUploadIsRefused() {
        String boundary = "----omnia" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"header\"; filename=\"h.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + 21_000_000 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        Api.Response response = api.withToken(userToken).send("PATCH", "/api/v1/accounts/update_credentials",
                "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body), Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertProblem(response, "oversize upload");
    }

    private static void assertProblem(Api.Response response, String what) {
        assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
        assertThat(response.contentType()).as(what).matches("application/(problem\\+)?json.*");
        var json = response.json();
        assertThat(json.get("type").asString()).as(what).startsWith("urn:omnia:problem:");
        assertThat(json.get("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(json.get("error").isString()).as(what).isTrue();
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at app.omnia")
                .doesNotContain("at org.springframework");
    }
}
