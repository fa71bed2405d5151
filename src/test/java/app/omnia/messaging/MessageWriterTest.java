package app.omnia.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.Message;
import app.omnia.messaging.persistence.Inbox;
import app.omnia.platform.IdGenerator;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit of sends: what one batch costs, and the order and uniqueness it keeps. */
@IntegrationTest
class MessageWriterTest {

    private static final String CHAT = "/api/omnia/v1/chat";

    @LocalServerPort
    int port;

    @Autowired
    MessageWriter writer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdGenerator ids;

    @Test
    void aBatchCostsTheSameStatementsWhateverItsSizeAndEachMemberGetsItInOrderOnce() {
        Api api = Api.at(port);
        User alice = TestAccounts.newUser(api, "read write");
        User bob = TestAccounts.newUser(api, "read write");
        User carol = TestAccounts.newUser(api, "read write");
        long group = Long.parseLong(api.withToken(alice.token()).postJson(CHAT + "/conversations", Map.of("type", "group",
                "name", "batched", "account_ids", List.of(bob.id(), carol.id()))).json().get("id").asString());
        long a = Long.parseLong(alice.id());
        long b = Long.parseLong(bob.id());
        long c = Long.parseLong(carol.id());
        Function<String, MessageWriter.Outgoing> send = text -> outgoing(new Message(ids.next(), group, a,
                UUID.randomUUID().toString(), text, null, null, Instant.now(), null, null), List.of(a, b, c), Set.of(b, c));
        transactions.execute(s -> writer.store(List.of(send.apply("warm up")))); // first-use work is not counted
        Api asBob = api.withToken(bob.token());
        long before = asBob.get(CHAT + "/sync?since=0&limit=500").json().get("last_seq").asLong();

        List<MessageWriter.Outgoing> one = List.of(send.apply("one"));
        List<MessageWriter.Outgoing> many = IntStream.range(0, 12).mapToObj(i -> send.apply("many " + i)).toList();
        int forOne = SqlStatements.countHere(() -> transactions.execute(s -> writer.store(one)));
        int forMany = SqlStatements.countHere(() -> transactions.execute(s -> writer.store(many)));

        assertThat(forOne).isPositive();
        assertThat(forMany).isEqualTo(forOne);
        List<String> expected = new ArrayList<>(List.of("one"));
        many.forEach(o -> expected.add(o.message().text()));
        JsonNode events = asBob.get(CHAT + "/sync?since=" + before + "&limit=500").json().get("events");
        List<String> texts = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        events.forEach(e -> {
            texts.add(e.get("payload").get("text").asString());
            seqs.add(e.get("seq").asLong());
        });
        assertThat(texts).isEqualTo(expected);
        assertThat(seqs).isEqualTo(IntStream.rangeClosed(1, expected.size()).mapToObj(i -> before + i).toList());

        // A resend in a later batch, and its twin in the same batch: both answer the message already stored.
        Message first = many.getFirst().message();
        Function<Long, MessageWriter.Outgoing> resend = id -> outgoing(new Message(id, group, a, first.clientMessageId(),
                "changed", null, null, Instant.now(), null, null), List.of(a, b, c), Set.of(b, c));
        MessageWriter.Outgoing fresh = send.apply("fresh");
        MessageWriter.Outgoing twin = outgoing(new Message(ids.next(), group, a, fresh.message().clientMessageId(),
                "twin", null, null, Instant.now(), null, null), List.of(a, b, c), Set.of(b, c));
        List<MessageJson> answers = transactions.execute(s -> writer.store(List.of(resend.apply(ids.next()), fresh, twin)));

        assertThat(answers).extracting(MessageJson::id).containsExactly(String.valueOf(first.id()),
                String.valueOf(fresh.message().id()), String.valueOf(fresh.message().id()));
        JsonNode after = asBob.get(CHAT + "/sync?since=" + (before + expected.size()) + "&limit=500").json().get("events");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("payload").get("text").asString()).isEqualTo("fresh");
    }

    private static MessageWriter.Outgoing outgoing(Message m, List<Long> audience, Set<Long> push) {
        return new MessageWriter.Outgoing(m, audience, new Inbox.Flags(Set.of(), push), MessageJson.of(m));
    }
}
