package app.omnia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The chat benchmark's receive-only WebSocket client, against a stand-in streaming server. */
class LeanWebSocketsTest {

    private static final long ALICE = BenchAccounts.id(0);
    private static final long REFUSED = BenchAccounts.id(1);

    @Test
    void handsOverEachTextMessageWholeInOrderAndNoticesWhenTheServerDrops() throws Exception {
        try (StandInStreaming server = new StandInStreaming(Set.of(REFUSED));
             LeanWebSockets sockets = new LeanWebSockets(1)) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/streaming?stream=chat");
            List<String> heard = new CopyOnWriteArrayList<>();
            sockets.open(uri, BenchAccounts.token(ALICE), (text, at) -> heard.add(text));
            assertThatThrownBy(() -> sockets.open(uri, BenchAccounts.token(REFUSED), (text, at) -> heard.add(text)))
                    .isInstanceOf(IOException.class).hasMessageContaining("401");
            assertThat(sockets.openSockets()).isEqualTo(1);

            List<String> sent = new ArrayList<>();
            sent.add("short");
            sent.add("é".repeat(3_000)); // 6,000 bytes: a 16-bit length, and more than the socket's first buffer
            for (int i = 0; i < 200; i++) {
                sent.add("{\"n\":" + i + "}"); // a burst: several frames per read
            }
            for (String text : sent) {
                server.send(ALICE, text);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == sent.size());
            assertThat(heard).isEqualTo(sent);

            server.drop(ALICE);
            await().atMost(Duration.ofSeconds(30)).until(() -> sockets.openSockets() == 0);
        }
    }
}
