package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.crypto.Tokens;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Invite links: managers create and revoke them, anyone with a live token joins, blocks keep people out. */
@IntegrationTest
class GroupInvitesTest extends ChatFixture {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdGenerator ids;

    private String group(User... others) {
        return asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "open door",
                "account_ids", java.util.Arrays.stream(others).map(User::id).toList())).json().get("id").asString();
    }

    @Test
    void aFullGroupTakesNobodyByLink() {
        String group = group(bob);
        String token = asAlice.postJson(CHAT + "/conversations/" + group + "/invites", Map.of()).json()
                .get("token").asString();
        fillUpTo(group, 1000); // omnia.chat.max-group-members: 1,000 by default and in the tests' shared configuration
        User carol = quickUser();

        Api.Response refused = as(carol).postJson(CHAT + "/invites/" + token + "/join", Map.of());

        assertProblem(refused, 409, "token");
        assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("ERR_TOO_MANY");
        assertThat(refused.json().get("detail").asString()).contains("full");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_members WHERE conversation_id = ?")
                .param(Long.parseLong(group)).query(Long.class).single()).isEqualTo(1000L);
    }

    /**
     * Seats stand-in accounts (copies of Bob's row) in the group until it has {@code size} members: through the API
     * this would be a thousand sign-ups, and joining checks only how many seats are taken.
     */
    private void fillUpTo(String group, int size) {
        long conversation = Long.parseLong(group);
        int taken = jdbc.sql("SELECT COUNT(*) FROM chat_members WHERE conversation_id = ?").param(conversation)
                .query(Integer.class).single();
        for (int i = taken; i < size; i++) {
            long id = ids.next();
            jdbc.sql("""
                    INSERT INTO accounts (id, username, username_key, email, email_key, password_hash, date_of_birth,
                        country, locale, display_name, note, locked, bot, discoverable, role, approved,
                        registration_reason, created_at, updated_at)
                    SELECT ?, ?, ?, ?, ?, password_hash, date_of_birth, country, locale, display_name, note, locked,
                        bot, discoverable, role, approved, registration_reason, created_at, updated_at
                    FROM accounts WHERE id = ?
                    """).params(id, "f" + id, "f" + id, "f" + id + "@example.test", "f" + id + "@example.test",
                    Long.parseLong(bob.id())).update();
            jdbc.sql("""
                    INSERT INTO chat_members (conversation_id, account_id, member_role, state, last_read_id, joined_at)
                    VALUES (?, ?, 'member', 'active', 0, CURRENT_TIMESTAMP)
                    """).params(conversation, id).update();
        }
    }

    @Test
    void anyoneWithTheLinkJoinsOnceAndTheTokenIsStoredHashed() {
        String group = group(bob);
        Api.Response created = asAlice.postJson(CHAT + "/conversations/" + group + "/invites", Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String token = created.json().get("token").asString();
        String stored = jdbc.sql("SELECT token_hash FROM chat_invites WHERE id = ?")
                .param(Long.parseLong(created.json().get("id").asString())).query(String.class).single();
        assertThat(stored).isNotEqualTo(token).isEqualTo(Tokens.hash(token));

        User carol = quickUser();
        Api.Response joined = as(carol).postJson(CHAT + "/invites/" + token + "/join", Map.of());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("id").asString()).isEqualTo(group);
        assertThat(joined.json().get("member_count").asInt()).isEqualTo(3);
        assertThat(joined.json().get("state").asString()).as("joining is accepting").isEqualTo("active");
        assertThat(joined.json().get("role").asString()).isEqualTo("member");
        assertThat(as(carol).postJson(CHAT + "/invites/" + token + "/join", Map.of()).json().get("member_count").asInt())
                .as("joining twice changes nothing").isEqualTo(3);
        assertThat(types(asBob)).contains("chat.member.add");
        send(as(carol), group, "hi all");
        assertThat(texts(sync(asBob, 0).get("events"))).containsExactly("hi all");

        JsonNode listed = asAlice.get(CHAT + "/conversations/" + group + "/invites").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("token")).as("shown once only").isFalse();
    }

    @Test
    void onlyManagersHandleLinksAndARevokedLinkOpensNothing() {
        String group = group(bob);
        String invites = CHAT + "/conversations/" + group + "/invites";
        assertProblem(asBob.postJson(invites, Map.of()), 403, null);
        assertProblem(asBob.get(invites), 403, null);
        User eve = quickUser();
        assertProblem(as(eve).postJson(invites, Map.of()), 404, null);
        assertProblem(as(eve).get(invites), 404, null);
        assertProblem(asAlice.postJson(CHAT + "/conversations/" + direct(asAlice, bob) + "/invites", Map.of()), 403, null);

        JsonNode link = asAlice.postJson(invites, Map.of()).json();
        assertProblem(asBob.delete(invites + "/" + link.get("id").asString()), 403, null);
        assertProblem(as(eve).delete(invites + "/" + link.get("id").asString()), 404, null);
        String other = group(bob);
        assertProblem(asAlice.delete(CHAT + "/conversations/" + other + "/invites/" + link.get("id").asString()), 404, null);
        assertThat(asAlice.delete(invites + "/" + link.get("id").asString()).status()).isEqualTo(200);
        assertThat(asAlice.get(invites).json().get(0).get("revoked_at").isNull()).isFalse();
        assertProblem(as(eve).postJson(CHAT + "/invites/" + link.get("token").asString() + "/join", Map.of()), 404, null);
        assertProblem(as(eve).postJson(CHAT + "/invites/not-a-token/join", Map.of()), 404, null);
        assertProblem(as(eve).get(CHAT + "/conversations/" + group), 404, null);
    }

    @Test
    void someoneWhoBlocksTheOwnerOrIsBlockedCannotJoin() {
        String group = group(bob);
        String token = asAlice.postJson(CHAT + "/conversations/" + group + "/invites", Map.of()).json()
                .get("token").asString();
        User dave = quickUser();
        as(dave).postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertProblem(as(dave).postJson(CHAT + "/invites/" + token + "/join", Map.of()), 403, null);
        User erin = quickUser();
        asAlice.postForm("/api/v1/accounts/" + erin.id() + "/block", Map.of());
        assertProblem(as(erin).postJson(CHAT + "/invites/" + token + "/join", Map.of()), 403, null);
        assertThat(asAlice.get(CHAT + "/conversations/" + group).json().get("member_count").asInt()).isEqualTo(2);
        List<String> bobHeard = types(asBob);
        assertThat(bobHeard).doesNotContain("chat.member.add");
    }
}
