package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    private String group(User... others) {
        return asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "open door",
                "account_ids", java.util.Arrays.stream(others).map(User::id).toList())).json().get("id").asString();
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
