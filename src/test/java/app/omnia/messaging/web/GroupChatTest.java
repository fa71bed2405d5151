package app.omnia.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups: fifty people hearing one message, roles, adding, removing and leaving. */
@IntegrationTest
class GroupChatTest extends ChatFixture {

    private static final int GROUP_SIZE = 50;

    private Api.Response createGroup(Api as, String name, List<String> accountIds) {
        return as.postJson(CHAT + "/conversations", Map.of("type", "group", "name", name, "account_ids", accountIds));
    }

    /**
     * The size (omnia.chat.max-group-members, 1,000 by default and in the tests' shared configuration) is checked
     * before anyone is looked up, so the ids past it need not name real people; the code tells a full group from
     * an unknown account, which is refused on the same field.
     */
    @Test
    void aGroupPastTheMaximumIsRefusedWhenCreatedOrGrownNamingTheField() {
        List<String> thousandOthers = java.util.stream.LongStream.rangeClosed(1, 1000)
                .mapToObj(i -> String.valueOf(8_000_000_000_000_000L + i)).toList();

        Api.Response created = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "crowd",
                "account_ids", thousandOthers));

        assertProblem(created, 422, "account_ids");
        assertThat(created.json().get("errors").get(0).get("code").asString()).isEqualTo("ERR_TOO_MANY");
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "small",
                "account_ids", List.of(bob.id()))).json().get("id").asString();
        Api.Response grown = asAlice.postJson(CHAT + "/conversations/" + group + "/members",
                Map.of("account_ids", thousandOthers.subList(0, 999)));
        assertProblem(grown, 422, "account_ids");
        assertThat(grown.json().get("errors").get(0).get("code").asString()).isEqualTo("ERR_TOO_MANY");
        assertThat(asAlice.get(CHAT + "/conversations/" + group + "/members").json().size()).isEqualTo(2);
    }

    @Test
    void aGroupOfFiftyHearsAMessageOnTheirSockets() throws Exception {
        List<User> people = new ArrayList<>(List.of(bob));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<User>> signUps = new ArrayList<>();
            for (int i = 0; i < GROUP_SIZE - 2; i++) {
                signUps.add(pool.submit(this::quickUser));
            }
            for (Future<User> signUp : signUps) {
                people.add(signUp.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Api.Response created = createGroup(asAlice, "fifty", people.stream().map(User::id).toList());
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("member_count").asInt()).isEqualTo(GROUP_SIZE);
        assertThat(created.json().get("role").asString()).isEqualTo("owner");
        String group = created.json().get("id").asString();

        List<StreamClient> sockets = new ArrayList<>();
        try {
            for (User person : people) {
                sockets.add(chatSocket(person));
            }
            String id = send(asAlice, group, "hello, all fifty").get("id").asString();
            for (StreamClient socket : sockets) {
                JsonNode heard = nextMessage(socket);
                assertThat(heard.get("payload").get("id").asString()).isEqualTo(id);
                assertThat(heard.get("conversation_id").asString()).isEqualTo(group);
            }
        } finally {
            sockets.forEach(StreamClient::close);
        }
        JsonNode someone = as(people.getLast()).get(CHAT + "/conversations/" + group).json();
        assertThat(someone.get("state").asString()).as("the owner is a stranger to them").isEqualTo("request");
        assertThat(someone.get("unread_count").asLong()).isEqualTo(1);
    }

    /**
     * Messages sent at the same time by two members (so batched by the writer, and fanned out together):
     * every member's socket shows each once, in its own seq order, exactly as that member's sync log has it
     * (its own seq, muted and push flags), the senders included.
     */
    @Test
    void everyMemberHearsEachMessageOnceAsItsOwnSyncEntry() throws Exception {
        User carol = quickUser();
        String group = createGroup(asAlice, "fan-out", List.of(bob.id(), carol.id())).json().get("id").asString();
        asBob.postJson(CHAT + "/conversations/" + group + "/accept", Map.of()); // his sends then carry only messages
        List<User> members = List.of(alice, bob, carol);
        List<StreamClient> sockets = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (User member : members) {
                sockets.add(chatSocket(member));
            }
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String text = "batch " + i;
                posts.add(senders.submit(() -> send(asAlice, group, "alice's " + text).get("id").asString()));
                posts.add(senders.submit(() -> send(asBob, group, "bob's " + text).get("id").asString()));
            }
            for (Future<String> post : posts) {
                sent.add(post.get());
            }
            for (int m = 0; m < members.size(); m++) {
                List<JsonNode> heard = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    heard.add(nextEntry(sockets.get(m)));
                }
                long before = heard.getFirst().get("seq").asLong() - 1;
                List<JsonNode> logged = sync(as(members.get(m)), before).get("events").valueStream().toList();
                assertThat(heard).as("member %d's socket is its sync log", m).isEqualTo(logged);
                assertThat(heard.stream().map(e -> e.get("payload").get("id").asString()))
                        .containsExactlyInAnyOrderElementsOf(sent);
            }
        } finally {
            senders.shutdownNow();
            sockets.forEach(StreamClient::close);
        }
    }

    @Test
    void ownersAndAdminsManageTheGroupAndMembersLeave() {
        User carol = quickUser();
        User dave = quickUser();
        String group = createGroup(asAlice, "friends", List.of(bob.id(), carol.id())).json().get("id").asString();
        String members = CHAT + "/conversations/" + group + "/members";

        assertThat(asBob.postJson(members, Map.of("account_ids", List.of(dave.id()))).status())
                .as("a plain member may not add people").isEqualTo(403);
        Api.Response promoted = asAlice.send("PUT", members + "/" + bob.id(), "application/json", "{\"role\":\"admin\"}");
        assertThat(promoted.json().get("role").asString()).isEqualTo("admin");
        assertThat(asAlice.send("PUT", members + "/" + bob.id(), "application/json", "{\"role\":\"king\"}").status())
                .isEqualTo(422);
        assertThat(asBob.postJson(members, Map.of("account_ids", List.of(dave.id()))).status())
                .as("an admin who has not accepted the group yet may not add people").isEqualTo(403);
        asBob.postJson(CHAT + "/conversations/" + group + "/accept", Map.of());
        Api.Response added = asBob.postJson(members, Map.of("account_ids", List.of(dave.id())));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json()).hasSize(4);

        assertThat(asBob.delete(members + "/" + alice.id()).status()).as("an admin cannot remove the owner")
                .isEqualTo(403);
        assertThat(asBob.delete(members + "/" + carol.id()).status()).isEqualTo(200);
        assertThat(as(carol).get(CHAT + "/conversations/" + group).status()).isEqualTo(404);
        List<String> carolHeard = sync(as(carol), 0).get("events").valueStream()
                .map(e -> e.get("type").asString()).toList();
        assertThat(carolHeard).endsWith("chat.member.remove");

        Api.Response renamed = asBob.patchJson(CHAT + "/conversations/" + group, Map.of("name", "best friends"));
        assertThat(renamed.json().get("name").asString()).isEqualTo("best friends");

        assertThat(asAlice.postJson(CHAT + "/conversations/" + group + "/leave", Map.of()).status()).isEqualTo(200);
        JsonNode after = asBob.get(members).json();
        assertThat(after.valueStream().map(m -> m.get("account_id").asString() + ":" + m.get("role").asString()).toList())
                .as("the owner's admin inherits the group").containsExactlyInAnyOrder(bob.id() + ":owner",
                        dave.id() + ":member");
        send(as(dave), group, "still here");
        assertThat(texts(sync(asBob, 0).get("events"))).containsExactly("still here");
    }

    @Test
    void aRetriedGroupCreationWithTheSameIdempotencyKeyMakesOneGroup() {
        String body = Api.JSON.writeValueAsString(Map.of("type", "group", "name", "once",
                "account_ids", List.of(bob.id())));
        Map<String, String> key = Map.of("Idempotency-Key", "group-once");
        Api.Response first = asAlice.send("POST", CHAT + "/conversations", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);
        Api.Response again = asAlice.send("POST", CHAT + "/conversations", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(body), key);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(asBob.get(CHAT + "/conversations").json()).hasSize(1);
    }
}
