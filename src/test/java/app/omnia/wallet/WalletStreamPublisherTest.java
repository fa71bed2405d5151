package app.omnia.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import tools.jackson.databind.json.JsonMapper;

/** Committed transfers reach the streams of the parties online only, in commit order. */
class WalletStreamPublisherTest {

    /** A bus where a fixed set of accounts is online, keeping what is published. */
    private static final class RecordingBus implements StreamBus {

        private final Set<Long> online;
        private final List<StreamEvent> published = new CopyOnWriteArrayList<>();

        RecordingBus(Set<Long> online) {
            this.online = online;
        }

        @Override
        public void publish(StreamEvent event) {
            published.add(event);
        }

        @Override
        public Set<Long> online() {
            return online;
        }

        @Override
        public void credentialsChanged(long accountId) {
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private static final Assets EUR_ONLY = new Assets(new WalletSettings(java.util.List.of("EUR"), "EUR", 256, 10_000,
            java.time.Duration.ofSeconds(10), 280, false));

    @Test
    void publishesToThePartiesOnlineOnly() {
        RecordingBus bus = new RecordingBus(Set.of(2L, 4L));
        WalletStreamPublisher publisher = new WalletStreamPublisher(bus, json, null, null, EUR_ONLY);

        publisher.on(new TransferCompleted(10, "transfer", "EUR", 100, 1L, 3L)); // nobody online
        publisher.on(new TransferCompleted(11, "transfer", "EUR", 250, 1L, 2L)); // the payee is
        publisher.on(new TransferCompleted(12, "adjustment", "EUR", 5, null, 4L)); // no payer: issuance
        await().until(() -> bus.published.size() >= 2);

        assertThat(bus.published).extracting(StreamEvent::channel)
                .containsExactly(WalletStream.channel(2), WalletStream.channel(4));
        var received = json.readTree(bus.published.getFirst().payload());
        assertThat(received.get("id").asString()).isEqualTo("11");
        assertThat(received.get("direction").asString()).isEqualTo("received");
        assertThat(received.get("amount").asString()).isEqualTo("2.50");
        assertThat(json.readTree(bus.published.get(1).payload()).get("from_id").isNull()).isTrue();
    }

    @Test
    void tellsThePayerTheyPaid() {
        RecordingBus bus = new RecordingBus(Set.of(1L));
        WalletStreamPublisher publisher = new WalletStreamPublisher(bus, json, null, null, EUR_ONLY);

        publisher.on(new TransferCompleted(20, "transfer", "EUR", 100, 1L, 3L));
        await().until(() -> !bus.published.isEmpty());

        assertThat(bus.published).singleElement().extracting(StreamEvent::channel).isEqualTo(WalletStream.channel(1));
        assertThat(json.readTree(bus.published.getFirst().payload()).get("direction").asString()).isEqualTo("sent");
    }
}
