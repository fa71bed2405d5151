package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivered and read receipts, the switch that turns them off, mute and archive. */
@IntegrationTest
class ChatReceiptsTest extends ChatFixture {

    private String receiptOf(Api as, String conversation, User member, String field) {
        JsonNode all = as.get(CHAT + "/conversations/" + conversation + "/receipts").json();
        JsonNode mine = all.valueStream().filter(r -> r.get("account_id").asString().equals(member.id())).findFirst()
                .orElseThrow();
        return mine.get(field).isNull() ? null : mine.get(field).asString();
    }

    @Test
    void deliveredThenReadReachTheSenderAndShowPerMember() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        String first = send(asAlice, conversation, "one").get("id").asString();
        String second = send(asAlice, conversation, "two").get("id").asString();
        try (StreamClient alices = chatSocket(alice)) {
            Api.Response delivered = asBob.postJson(CHAT + "/conversations/" + conversation + "/delivered",
                    Map.of("last_delivered_id", second));
            assertThat(delivered.json().get("last_delivered_id").asString()).isEqualTo(second);
            JsonNode heard = nextEntry(alices);
            assertThat(heard.get("type").asString()).isEqualTo("chat.delivered");
            assertThat(heard.get("payload").get("last_delivered_id").asString()).isEqualTo(second);
            asBob.postJson(CHAT + "/conversations/" + conversation + "/read", Map.of("last_read_id", first));
            assertThat(nextEntry(alices).get("type").asString()).isEqualTo("chat.read");
        }
        assertThat(receiptOf(asAlice, conversation, bob, "last_delivered_id")).isEqualTo(second);
        assertThat(receiptOf(asAlice, conversation, bob, "last_read_id")).isEqualTo(first);
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).json().get("unread_count").asLong()).isEqualTo(1);
        asBob.postJson(CHAT + "/conversations/" + conversation + "/delivered", Map.of("last_delivered_id", first));
        assertThat(receiptOf(asAlice, conversation, bob, "last_delivered_id")).as("only forward").isEqualTo(second);

        assertProblem(asBob.postJson(CHAT + "/conversations/" + conversation + "/delivered",
                Map.of("last_delivered_id", "x")), 422, "last_delivered_id");
        User eve = quickUser();
        assertProblem(as(eve).get(CHAT + "/conversations/" + conversation + "/receipts"), 404, null);
        assertProblem(as(eve).postJson(CHAT + "/conversations/" + conversation + "/delivered",
                Map.of("last_delivered_id", first)), 404, null);
    }

    @Test
    void someoneWhoTurnsReceiptsOffNeitherShowsNorSeesThem() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        String sent = send(asAlice, conversation, "did you read it?").get("id").asString();
        Api.Response off = asBob.send("PUT", CHAT + "/settings", "application/json", "{\"read_receipts\":false}");
        assertThat(off.json().get("read_receipts").asBoolean()).isFalse();
        assertThat(off.json().get("allow_messages_from").asString()).as("the other setting is kept").isEqualTo("everyone");
        asBob.postJson(CHAT + "/conversations/" + conversation + "/read", Map.of("last_read_id", sent));

        assertThat(types(asAlice)).doesNotContain("chat.read", "chat.delivered");
        assertThat(types(asBob)).as("bob's own devices still hear it").contains("chat.read");
        assertThat(receiptOf(asAlice, conversation, bob, "last_read_id")).isNull();
        assertThat(receiptOf(asBob, conversation, bob, "last_read_id")).isEqualTo(sent);

        String reply = send(asBob, conversation, "maybe").get("id").asString();
        asAlice.postJson(CHAT + "/conversations/" + conversation + "/read", Map.of("last_read_id", reply));
        assertThat(receiptOf(asBob, conversation, alice, "last_read_id")).as("and bob sees nobody's").isNull();
        assertThat(types(asBob).stream().filter("chat.read"::equals).count()).isEqualTo(1);
        assertProblem(asBob.send("PUT", CHAT + "/settings", "application/json", "{\"read_receipts\":\"sometimes\"}"),
                400, "read_receipts");
    }

    @Test
    void aGroupShowsEachMembersPositionsOnRequest() {
        User carol = quickUser();
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "readers",
                "account_ids", List.of(bob.id(), carol.id()))).json().get("id").asString();
        String message = send(asAlice, group, "hello group").get("id").asString();
        as(carol).postJson(CHAT + "/conversations/" + group + "/read", Map.of("last_read_id", message));
        assertThat(receiptOf(asAlice, group, carol, "last_read_id")).isEqualTo(message);
        assertThat(receiptOf(asAlice, group, carol, "last_delivered_id")).as("read implies delivered").isEqualTo(message);
        assertThat(receiptOf(asAlice, group, bob, "last_read_id")).isNull();
        assertThat(types(asAlice)).as("groups are not pushed every member's receipts").doesNotContain("chat.read");
    }

    @Test
    void aGroupsReadReceiptsReachTheOtherMembersLiveUnlessTheReaderTurnedThemOff() {
        GroupOfThree g = groupWhereCarolSharesNoReceipts("live readers");
        User carol = g.carol();
        String group = g.id();
        String first = g.first();
        String second = g.second();
        try (StreamClient alices = chatSocket(alice); StreamClient bobs = chatSocket(bob);
             StreamClient carols = chatSocket(carol)) {
            asBob.postJson(CHAT + "/conversations/" + group + "/read", Map.of("last_read_id", first));
            JsonNode heard = nextRead(alices);
            assertThat(heard.get("payload").get("account_id").asString()).isEqualTo(bob.id());
            assertThat(heard.get("payload").get("last_read_id").asString()).isEqualTo(first);
            assertThat(heard.get("conversation_id").asString()).isEqualTo(group);
            assertThat(heard.has("seq")).as("live only, not in the sync log").isFalse();
            JsonNode own = nextRead(bobs);
            assertThat(own.get("payload").get("account_id").asString()).isEqualTo(bob.id());
            assertThat(own.get("seq").asLong()).as("the reader's own devices get it in sync order").isPositive();

            // Carol shares nothing: her read reaches nobody else, and she is not sent bob's.
            as(carol).postJson(CHAT + "/conversations/" + group + "/read", Map.of("last_read_id", second));
            asBob.postJson(CHAT + "/conversations/" + group + "/read", Map.of("last_read_id", second));
            JsonNode next = nextRead(alices);
            assertThat(next.get("payload").get("account_id").asString()).as("carol's read was not sent").isEqualTo(bob.id());
            assertThat(next.get("payload").get("last_read_id").asString()).isEqualTo(second);
            JsonNode carolHears = nextRead(carols);
            assertThat(carolHears.get("payload").get("account_id").asString()).as("only her own").isEqualTo(carol.id());

            // Alice reads: bob hears it live; the group's sync logs hold no one else's reads.
            String third = send(asBob, group, "three").get("id").asString();
            asAlice.postJson(CHAT + "/conversations/" + group + "/read", Map.of("last_read_id", third));
            JsonNode alicesRead = nextReadOf(bobs, alice.id());
            assertThat(alicesRead.get("payload").get("last_read_id").asString()).isEqualTo(third);
        }
        assertThat(types(asAlice).stream().filter("chat.read"::equals).count()).as("alice's own read only").isEqualTo(1);
    }

    @Test
    void aGroupsDeliveredReceiptsReachTheOtherMembersLiveUnlessTheMemberTurnedThemOff() {
        GroupOfThree group = groupWhereCarolSharesNoReceipts("live deliveries");
        try (StreamClient alices = chatSocket(alice)) {
            as(group.carol()).postJson(CHAT + "/conversations/" + group.id() + "/delivered",
                    Map.of("last_delivered_id", group.second()));
            asBob.postJson(CHAT + "/conversations/" + group.id() + "/delivered", Map.of("last_delivered_id", group.first()));

            JsonNode heard = nextOfType(alices, "chat.delivered");
            assertThat(heard.get("payload").get("account_id").asString()).as("carol's was not sent").isEqualTo(bob.id());
            assertThat(heard.get("payload").get("last_delivered_id").asString()).isEqualTo(group.first());
            assertThat(heard.has("seq")).as("live only, not in the sync log").isFalse();
        }
    }

    /** A group of alice, bob and carol, with alice's first two messages; carol has turned receipts off. */
    private record GroupOfThree(String id, User carol, String first, String second) {}

    private GroupOfThree groupWhereCarolSharesNoReceipts(String name) {
        User carol = quickUser();
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", name,
                "account_ids", List.of(bob.id(), carol.id()))).json().get("id").asString();
        String first = send(asAlice, group, "one").get("id").asString();
        String second = send(asAlice, group, "two").get("id").asString();
        assertThat(as(carol).send("PUT", CHAT + "/settings", "application/json", "{\"read_receipts\":false}")
                .json().get("read_receipts").asBoolean()).isFalse();
        return new GroupOfThree(group, carol, first, second);
    }

    /** The next {@code chat.read} on the socket, skipping messages and other events. */
    private static JsonNode nextRead(StreamClient socket) {
        return nextOfType(socket, "chat.read");
    }

    private static JsonNode nextOfType(StreamClient socket, String type) {
        JsonNode entry = nextEntry(socket);
        while (!entry.get("type").asString().equals(type)) {
            entry = nextEntry(socket);
        }
        return entry;
    }

    private static JsonNode nextReadOf(StreamClient socket, String accountId) {
        JsonNode entry = nextRead(socket);
        while (!entry.get("payload").get("account_id").asString().equals(accountId)) {
            entry = nextRead(socket);
        }
        return entry;
    }

    @Test
    void muteKeepsCountingButNeverPushesAndArchiveLeavesTheList() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "loud");
        JsonNode loud = sync(asBob, 0).get("events").valueStream()
                .filter(e -> e.get("type").asString().equals("chat.message")).findFirst().orElseThrow();
        assertThat(loud.get("push").asBoolean()).isTrue();
        assertThat(loud.get("muted").asBoolean()).isFalse();
        assertThat(sync(asAlice, 0).get("events").valueStream().filter(e -> e.get("type").asString().equals("chat.message"))
                .findFirst().orElseThrow().get("push").asBoolean()).as("not for the sender").isFalse();

        Api.Response muted = asBob.postJson(CHAT + "/conversations/" + conversation + "/mute", Map.of());
        assertThat(muted.json().get("muted").asBoolean()).isTrue();
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation).json().get("muted").asBoolean())
                .as("a member's own flag").isFalse();
        try (StreamClient bobs = chatSocket(bob)) {
            send(asAlice, conversation, "quiet");
            JsonNode heard = nextMessage(bobs);
            assertThat(heard.get("muted").asBoolean()).isTrue();
            assertThat(heard.get("push").asBoolean()).isFalse();
        }
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).json().get("unread_count").asLong()).isEqualTo(2);

        assertThat(asBob.postJson(CHAT + "/conversations/" + conversation + "/archive", Map.of()).json()
                .get("archived").asBoolean()).isTrue();
        assertThat(asBob.get(CHAT + "/conversations").json()).isEmpty();
        assertThat(ids(asBob.get(CHAT + "/conversations?archived=true").json())).containsExactly(conversation);
        send(asAlice, conversation, "still quiet");
        assertThat(asBob.get(CHAT + "/conversations").json()).as("muted and archived stays archived").isEmpty();
        asBob.postJson(CHAT + "/conversations/" + conversation + "/unmute", Map.of());
        send(asAlice, conversation, "wake up");
        assertThat(ids(asBob.get(CHAT + "/conversations").json())).as("a new message unarchives").containsExactly(conversation);
        assertThat(asBob.get(CHAT + "/conversations?archived=true").json()).isEmpty();
        assertThat(types(asBob).stream().filter("chat.member.flags"::equals).count()).isEqualTo(3);
        assertThat(types(asAlice)).doesNotContain("chat.member.flags");

        User eve = quickUser();
        assertProblem(as(eve).postJson(CHAT + "/conversations/" + conversation + "/mute", Map.of()), 404, null);
        assertProblem(as(eve).postJson(CHAT + "/conversations/" + conversation + "/archive", Map.of()), 404, null);
        assertProblem(asBob.get(CHAT + "/conversations?archived=perhaps"), 400, "archived");
    }
}
