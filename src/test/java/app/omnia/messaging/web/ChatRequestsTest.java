package app.omnia.messaging.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Declining message requests (the sender is not told), and conversations listed by last activity. */
@IntegrationTest
class ChatRequestsTest extends ChatFixture {

    private Api.Response decline(Api as, String conversation) {
        return as.postJson(CHAT + "/conversations/" + conversation + "/decline", Map.of());
    }

    @Test
    void aDeclinedRequestLeavesTheDeclinersListsAndTheSenderIsNotTold() {
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "hello stranger");
        JsonNode sendersView = asAlice.get(CHAT + "/conversations/" + conversation).json();
        JsonNode sendersMembers = asAlice.get(CHAT + "/conversations/" + conversation + "/members").json();
        long aliceSeq = sync(asAlice, 0).get("last_seq").asLong();

        try (StreamClient bobs = chatSocket(bob)) {
            Api.Response declined = decline(asBob, conversation);
            assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
            JsonNode heard = nextEntry(bobs);
            assertThat(heard.get("type").asString()).isEqualTo("chat.member.remove");
            assertThat(heard.get("payload").get("state").asString()).isEqualTo("declined");
        }
        assertThat(asBob.get(CHAT + "/conversations?state=request").json()).isEmpty();
        assertThat(asBob.get(CHAT + "/conversations").json()).isEmpty();
        assertThat(asBob.get(CHAT + "/conversations/" + conversation).status()).isEqualTo(404);
        assertThat(decline(asBob, conversation).status()).as("declined already: gone for bob").isEqualTo(404);

        assertThat(sync(asAlice, aliceSeq).get("events")).as("the sender hears nothing").isEmpty();
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation).json()).isEqualTo(sendersView);
        assertThat(asAlice.get(CHAT + "/conversations/" + conversation + "/members").json()).isEqualTo(sendersMembers);

        long bobSeq = sync(asBob, 0).get("last_seq").asLong();
        send(asAlice, conversation, "anyone there?");
        assertThat(sync(asBob, bobSeq).get("events")).as("nothing more reaches the decliner").isEmpty();
    }

    @Test
    void onlyAPendingRequestOfOnesOwnCanBeDeclined() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String accepted = direct(asAlice, bob);
        assertProblem(decline(asBob, accepted), 409, null);
        assertProblem(decline(asAlice, accepted), 409, null);
        User carol = quickUser();
        assertProblem(decline(as(carol), accepted), 404, null);
        assertThat(asBob.get(CHAT + "/conversations/" + accepted).json().get("state").asString()).isEqualTo("active");
    }

    @Test
    void startingTheConversationAgainBringsTheDeclinerBack() {
        String conversation = direct(asAlice, bob);
        send(asAlice, conversation, "first");
        decline(asBob, conversation);
        send(asAlice, conversation, "unheard");

        assertThat(direct(asBob, alice)).isEqualTo(conversation);
        JsonNode back = asBob.get(CHAT + "/conversations/" + conversation).json();
        assertThat(back.get("state").asString()).isEqualTo("active");
        long bobSeq = sync(asBob, 0).get("last_seq").asLong();
        send(asAlice, conversation, "welcome back");
        assertThat(texts(sync(asBob, bobSeq).get("events"))).containsExactly("welcome back");
    }

    @Test
    void conversationsAreListedByLastActivityAndPagedStably() {
        String withBob = direct(asAlice, bob);
        String withCarol = direct(asAlice, quickUser());
        String withDave = direct(asAlice, quickUser());
        assertThat(ids(asAlice.get(CHAT + "/conversations").json())).containsExactly(withDave, withCarol, withBob);

        send(asAlice, withBob, "bump");
        assertThat(ids(asAlice.get(CHAT + "/conversations").json())).containsExactly(withBob, withDave, withCarol);

        Api.Response first = asAlice.get(CHAT + "/conversations?limit=2");
        assertThat(ids(first.json())).containsExactly(withBob, withDave);
        Api.Response second = asAlice.get(next(first));
        assertThat(ids(second.json())).containsExactly(withCarol);
        assertThat(asAlice.get(next(second)).json()).isEmpty();
    }

    @Test
    void sendingAMessageCostsABoundedNumberOfStatements() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String direct = direct(asAlice, bob);
        send(asAlice, direct, "warm up");
        Map<String, Object> message = Map.of("client_message_id", java.util.UUID.randomUUID().toString(), "text", "hi");
        int toDirect = app.omnia.support.SqlStatements.countPostJson(asAlice,
                CHAT + "/conversations/" + direct + "/messages", message);
        String directStatements = app.omnia.support.SqlStatements.lastStatements();

        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "g",
                "account_ids", java.util.List.of(bob.id()))).json().get("id").asString();
        send(asAlice, group, "warm up");
        Map<String, Object> toGroup = Map.of("client_message_id", java.util.UUID.randomUUID().toString(), "text", "hi");
        int toGroupCount = app.omnia.support.SqlStatements.countPostJson(asAlice,
                CHAT + "/conversations/" + group + "/messages", toGroup);
        String groupStatements = app.omnia.support.SqlStatements.lastStatements();
        System.out.printf("sql statements per send: direct %d, group %d%n%s%n--%n%s%n", toDirect, toGroupCount,
                directStatements, groupStatements);
        // Token check included: 21 and 13 before (2 for the token, 8 for social's whole relationship lookup
        // to ask about blocks), then 8 and 7, then 2 and 1 (a resend check); now a direct send only asks about a
        // block: the writes, and the answer to a resend, are the message writer's, shared by every send of its
        // batch (MessageWriterTest).
        assertThat(toDirect).as(directStatements).isLessThanOrEqualTo(1);
        assertThat(toGroupCount).as(groupStatements).isZero();
    }

    private static String next(Api.Response page) {
        Matcher link = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(page.header("Link"));
        assertThat(link.find()).as(page.header("Link")).isTrue();
        return link.group(1);
    }
}
