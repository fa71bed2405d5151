package app.omnia.moderation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.support.Api;
import app.omnia.support.Multipart;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TestImages;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the moderation tests: an author, two moderators, and cheap users made on demand. Reporters are made
 * "established" by back-dating their accounts (a fresh account counts for less, see Credibility).
 */
abstract class ModerationFixture {

    static final String STAFF_SCOPES = "read write follow admin:read admin:write";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Api api;
    User author;
    Api asAuthor;
    User moderator;
    Api asModerator;
    User otherModerator;
    Api asOtherModerator;

    @BeforeEach
    void people() {
        api = Api.at(port);
        author = user("read write follow");
        asAuthor = as(author);
        moderator = staff(Role.MODERATOR);
        asModerator = as(moderator);
        otherModerator = staff(Role.MODERATOR);
        asOtherModerator = as(otherModerator);
    }

    /** A user signed up through the API (one password hash, no consent pages), with a token of these scopes. */
    User user(String scopes) {
        Api own = api.stranger();
        TestAccounts.App app = TestAccounts.registerApp(own, scopes);
        String username = TestAccounts.uniqueName("m");
        Api.Response signedUp = TestAccounts.trySignUp(own, TestAccounts.appToken(own, app, "write:accounts"),
                TestAccounts.adult(username));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(200);
        String token = signedUp.json().get("access_token").asString();
        String id = own.withToken(token).get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        return new User(id, username, token);
    }

    /** A 15-year-old, signed up through the API like {@link #user}. */
    User minor() {
        Api own = api.stranger();
        TestAccounts.App app = TestAccounts.registerApp(own, "read write follow");
        String username = TestAccounts.uniqueName("kid");
        Map<String, String> form = new java.util.LinkedHashMap<>(TestAccounts.adult(username));
        form.put("date_of_birth", LocalDate.now().minusYears(15).minusDays(10).toString());
        Api.Response signedUp = TestAccounts.trySignUp(own, TestAccounts.appToken(own, app, "write:accounts"), form);
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(200);
        String token = signedUp.json().get("access_token").asString();
        String id = own.withToken(token).get("/api/v1/accounts/verify_credentials").json().get("id").asString();
        return new User(id, username, token);
    }

    User staff(Role role) {
        User staff = user(STAFF_SCOPES);
        accounts.updateRole(Long.parseLong(staff.id()), role, Instant.now());
        return staff;
    }

    /** A user whose account is two months old. */
    User established() {
        User user = user("read write follow");
        jdbc.sql("UPDATE accounts SET created_at = ? WHERE id = ?")
                .params(SqlTime.of(Instant.now().minus(60, ChronoUnit.DAYS)), Long.parseLong(user.id())).update();
        return user;
    }

    Api as(User user) {
        return api.withToken(user.token());
    }

    static String post(Api as, String... form) {
        Api.Response posted = as.postForm("/api/v1/statuses", Api.form(form));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        return posted.json().get("id").asString();
    }

    static String uploadPng(Api as) {
        Api.Response response = new Multipart().file("file", "a.png", "image/png", TestImages.image("png", 40, 30))
                .send(as, "POST", "/api/v2/media");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asString();
    }

    static JsonNode report(Api as, String... form) {
        Api.Response filed = as.postForm("/api/v1/reports", Api.form(form));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        return filed.json();
    }

    static List<String> ids(JsonNode array) {
        return array.valueStream().map(n -> n.get("id").asString()).toList();
    }

    /** The ids of statuses a path lists (a timeline, favourites...). */
    List<String> listed(Api as, String path) {
        Api.Response response = as.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return ids(response.json());
    }

    List<String> searched(Api as, String word) {
        Api.Response response = as.get("/api/v2/search?type=statuses&q=" + word);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return ids(response.json().get("statuses"));
    }

    /** The audit log's actions about one target id, newest first. */
    List<String> auditActions(String targetId) {
        return jdbc.sql("SELECT action FROM audit_log WHERE target_id = ? ORDER BY id DESC")
                .param(Long.parseLong(targetId)).query(String.class).list();
    }

    void supervise(Api asAdmin, User account, User reviewer) {
        Api.Response placed = asAdmin.postForm("/api/omnia/v1/admin/supervisions", Api.form("account_id",
                account.id(), "reviewer_ids[]", reviewer.id(), "reason", "Repeated spam"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    }

    static String approve(String status) {
        return "/api/omnia/v1/supervision/reviews/" + status + "/approve";
    }

    static String reject(String status) {
        return "/api/omnia/v1/supervision/reviews/" + status + "/reject";
    }

    /** Every entry of a trends list (paged by offset until a page comes back empty), by one field. */
    List<String> trending(String path, int pageSize, String field) {
        List<String> all = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            Api.Response page = api.get(path + "?limit=" + pageSize + "&offset=" + offset);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode entries = page.json();
            if (entries.isEmpty()) {
                return all;
            }
            entries.forEach(e -> all.add(e.get(field).asString()));
        }
    }

    /** A moderator's action, which must succeed; answers its JSON (the statement of reasons for decisions). */
    JsonNode act(String path, String... form) {
        Api.Response response = asModerator.postForm(path, Api.form(form));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
