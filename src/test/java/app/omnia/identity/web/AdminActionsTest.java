package app.omnia.identity.web;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.Role;
import app.omnia.identity.Account;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.IdGenerator;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff actions: verification kinds, roles, approval, suspension; each one audited. */
@IntegrationTest
class AdminActionsTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IdGenerator ids;

    Api api;
    Api admin;
    User adminUser;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        adminUser = TestAccounts.newUser(api, "read write admin:read admin:write");
        accounts.updateRole(Long.parseLong(adminUser.id()), Role.ADMIN, Instant.now());
        admin = api.withToken(adminUser.token());
    }

    @Test
    void verificationKindsAreGrantedRevokedShownAndAudited() {
        User org = TestAccounts.newUser(api, "read");

        Api.Response granted = admin.postForm("/api/omnia/v1/admin/accounts/" + org.id() + "/verifications",
                Api.form("kind", "organisation"));
        admin.postForm("/api/omnia/v1/admin/accounts/" + org.id() + "/verifications", Api.form("kind", "government"));

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        JsonNode shown = api.get("/api/v1/accounts/" + org.id()).json().get("verifications");
        assertThat(shown.findValuesAsString("kind")).containsExactlyInAnyOrder("organisation", "government");

        assertThat(admin.delete("/api/omnia/v1/admin/accounts/" + org.id() + "/verifications/government").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + org.id()).json().get("verifications").findValuesAsString("kind"))
                .containsExactly("organisation");

        JsonNode audit = admin.get("/api/omnia/v1/admin/audit_log?account_id=" + org.id()).json();
        assertThat(audit.findValuesAsString("action")).containsExactly("account.verification.revoke",
                "account.verification.grant", "account.verification.grant");
        assertThat(audit.get(0).get("actor_id").asString()).isEqualTo(adminUser.id());
    }

    @Test
    void anUnknownVerificationKindOrRoleIsRefusedNamingTheField() {
        User someone = TestAccounts.newUser(api, "read");

        Api.Response kind = admin.postForm("/api/omnia/v1/admin/accounts/" + someone.id() + "/verifications",
                Api.form("kind", "paid"));
        Api.Response role = admin.send("PUT", "/api/omnia/v1/admin/accounts/" + someone.id() + "/role",
                "application/json", "{\"role\":\"king\"}");

        assertThat(kind.status()).isEqualTo(422);
        assertThat(kind.json().at("/errors/0/field").asString()).isEqualTo("kind");
        assertThat(role.status()).isEqualTo(422);
        assertThat(role.json().at("/errors/0/field").asString()).isEqualTo("role");
    }

    @Test
    void rolesChangeAndAModeratorCanThenSuspendAUserWhoseTokensStopWorking() {
        User moderator = TestAccounts.newUser(api, "read write admin:read admin:write");
        User user = TestAccounts.newUser(api, "read write");

        Api.Response promoted = admin.send("PUT", "/api/omnia/v1/admin/accounts/" + moderator.id() + "/role",
                "application/x-www-form-urlencoded", "role=moderator");
        assertThat(promoted.json().at("/roles/0/name").asString()).isEqualTo("Moderator");

        Api.Response suspended = api.withToken(moderator.token()).postForm(
                "/api/v1/admin/accounts/" + user.id() + "/action", Api.form("type", "suspend", "text", "spam"));

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(api.withToken(user.token()).get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        JsonNode shown = api.get("/api/v1/accounts/" + user.id()).json();
        assertThat(shown.get("suspended").asBoolean()).isTrue();
        assertThat(api.withToken(moderator.token()).postForm("/api/v1/admin/accounts/" + adminUser.id() + "/action",
                Api.form("type", "suspend")).status()).isEqualTo(403);
    }

    @Test
    void aPendingAccountIsRefusedUntilApproved() {
        String username = TestAccounts.uniqueName("pending");
        long id = ids.next();
        accounts.insert(new Account(id, username, username + "@example.org", "unused", LocalDate.of(1990, 1, 1),
                null, null, "", "", null, null, false, false, true, Role.USER, false, "let me in", null, null, false,
                Instant.now(), Instant.now()));

        assertThat(api.get("/api/v1/accounts/" + id).status()).isEqualTo(404);
        Api.Response approved = admin.postForm("/api/v1/admin/accounts/" + id + "/approve", Api.form());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + id).status()).isEqualTo(200);
        assertThat(admin.postForm("/api/v1/admin/accounts/" + id + "/reject", Api.form()).status()).isEqualTo(403);
    }
}
