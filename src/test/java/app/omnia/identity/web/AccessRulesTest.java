package app.omnia.identity.web;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;

import static org.assertj.core.api.Assertions.assertThat;

/** Scopes on every endpoint, and the "other user's id" cases: a token acts only for its own account. */
@IntegrationTest
class AccessRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void aReadTokenCannotWrite() {
        User reader = TestAccounts.newUser(api, "read");

        Api.Response response = api.withToken(reader.token()).patchForm("/api/v1/accounts/update_credentials",
                Api.form("display_name", "changed"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asString()).isEqualTo("This action is outside the authorized scopes");
        assertThat(api.get("/api/v1/accounts/" + reader.id()).json().get("display_name").asString()).isEmpty();
    }

    @Test
    void granularAndBroadScopesBothWork() {
        User writer = TestAccounts.newUser(api, "write:accounts read:accounts");
        assertThat(api.withToken(writer.token()).patchForm("/api/v1/accounts/update_credentials",
                Api.form("display_name", "Writer")).status()).isEqualTo(200);

        User profileOnly = TestAccounts.newUser(api, "profile");
        assertThat(api.withToken(profileOnly.token()).get("/api/v1/accounts/verify_credentials").status())
                .isEqualTo(200);
        assertThat(api.withToken(profileOnly.token()).get("/api/v1/accounts/" + writer.id()).status())
                .isEqualTo(403);
    }

    @Test
    void anAppTokenIsNotAUser() {
        TestAccounts.App app = TestAccounts.registerApp(api, "read write");
        String appToken = TestAccounts.appToken(api, app, "read");

        Api.Response response = api.withToken(appToken).get("/api/v1/accounts/verify_credentials");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("error").asString()).isEqualTo("This method requires an authenticated user");
        assertThat(api.withToken(appToken).get("/api/v1/apps/verify_credentials").json().get("name").asString())
                .isEqualTo("test app");
    }

    @Test
    void anUnknownTokenIsRefusedEvenOnPublicEndpoints() {
        Api.Response response = api.withToken("not-a-token").get("/api/v1/instance");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.json().get("error").asString()).isEqualTo("The access token is invalid");
    }

    @Test
    void anotherUsersTokenChangesOnlyItsOwnProfile() {
        User alice = TestAccounts.newUser(api, "read write");
        User bob = TestAccounts.newUser(api, "read write");

        Api.Response response = api.withToken(bob.token()).patchJson("/api/v1/accounts/update_credentials",
                java.util.Map.of("display_name", "Bob", "id", alice.id()));

        assertThat(response.json().get("id").asString()).isEqualTo(bob.id());
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("display_name").asString()).isEmpty();
        assertThat(api.get("/api/v1/accounts/" + bob.id()).json().get("display_name").asString()).isEqualTo("Bob");
    }

    @Test
    void anotherUsersTokenCannotChangeAPasswordOtherThanItsOwn() {
        User alice = TestAccounts.newUser(api, "read write");
        User bob = TestAccounts.newUser(api, "read write");

        Api.Response response = api.withToken(bob.token()).postForm("/api/omnia/v1/account/password",
                Api.form("current_password", "guess-guess-guess", "password", "a new long passphrase", "id", alice.id()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("current_password");
        assertThat(api.withToken(alice.token()).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        assertThat(api.withToken(bob.token()).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void plainUsersAndModeratorsCannotUseAdminPowers() {
        User alice = TestAccounts.newUser(api, "read write admin:read admin:write");
        User mallory = TestAccounts.newUser(api, "read write admin:read admin:write");
        Api asMallory = api.withToken(mallory.token());

        assertThat(asMallory.postForm("/api/v1/admin/accounts/" + alice.id() + "/action",
                Api.form("type", "suspend")).status()).isEqualTo(403);
        assertThat(asMallory.send("PUT", "/api/omnia/v1/admin/accounts/" + mallory.id() + "/role",
                "application/x-www-form-urlencoded", "role=admin").status()).isEqualTo(403);
        assertThat(asMallory.get("/api/omnia/v1/admin/audit_log").status()).isEqualTo(403);

        accounts.updateRole(Long.parseLong(mallory.id()), Role.MODERATOR, Instant.now());
        assertThat(asMallory.send("PUT", "/api/omnia/v1/admin/accounts/" + mallory.id() + "/role",
                "application/x-www-form-urlencoded", "role=admin").status()).isEqualTo(403);
        assertThat(asMallory.postForm("/api/omnia/v1/admin/accounts/" + alice.id() + "/verifications",
                Api.form("kind", "government")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/" + alice.id()).json().get("verifications")).isEmpty();
    }

    @Test
    void anAdminTokenWithoutTheAdminScopeCannotActAsAdmin() {
        User admin = TestAccounts.newUser(api, "read write");
        User target = TestAccounts.newUser(api, "read write");
        accounts.updateRole(Long.parseLong(admin.id()), Role.ADMIN, Instant.now());

        Api.Response response = api.withToken(admin.token()).postForm(
                "/api/omnia/v1/admin/accounts/" + target.id() + "/verifications", Api.form("kind", "identity"));

        assertThat(response.status()).isEqualTo(403);
    }
}
