package app.omnia.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/**
 * The chat benchmark's load-generator process (a child JVM) against a stand-in streaming server: it opens the
 * sockets it is told to, counts the refused ones, and reports what its sockets hear (duplicates, gaps and
 * reordered entries too) with receive times on this JVM's clock.
 */
class ChatLoadProcessTest {

    private static final long ALICE = BenchAccounts.id(0);
    private static final long BOB = BenchAccounts.id(1);
    private static final long REFUSED = BenchAccounts.id(2);

    /** What the process reported, in the order it arrived. */
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<Long> times = new CopyOnWriteArrayList<>();
    private final DeliverySink recorder = new DeliverySink() {
        @Override
        public void heard(int index, long atNanos) {
            reports.add("heard m" + index);
            times.add(atNanos);
        }

        @Override
        public void duplicate() {
            reports.add("duplicate");
        }

        @Override
        public void reordered() {
            reports.add("reordered");
        }

        @Override
        public void gap() {
            reports.add("gap");
        }
    };

    @Test
    void opensItsSocketsAndReportsWhatTheyHear() throws Exception {
        try (StandInStreaming server = new StandInStreaming(Set.of(REFUSED));
             ChatLoadProcess process = ChatLoadProcess.start(99, List.of(server.port()), recorder)) {
            assertThat(process.checkClock()).isPositive();
            process.connect(List.of(ALICE, BOB, REFUSED), 2);
            assertThat(process.connected()).as("refused upgrades").isEqualTo(1);
            assertThat(process.openSockets()).isEqualTo(2);
            assertThat(server.openAccounts()).containsExactlyInAnyOrder(ALICE, BOB);

            long sent = System.nanoTime();
            server.send(ALICE, message(1, 7));
            server.send(ALICE, "{\"event\":\"notification\",\"payload\":\"{}\"}"); // not a chat message: ignored
            server.send(ALICE, message(1, 7));
            server.send(ALICE, message(3, 8));
            server.send(ALICE, message(2, 9));
            server.send(BOB, message(1, 10));
            await().atMost(Duration.ofSeconds(30)).until(() -> reports.size() == 7);

            assertThat(reports).contains("heard m10");
            assertThat(reports.stream().filter(report -> !report.equals("heard m10")))
                    .as("Alice's socket, in the order it heard: a late entry is counted, and heard")
                    .containsExactly("heard m7", "duplicate", "gap", "heard m8", "reordered", "heard m9");
            assertThat(times).allSatisfy(at -> assertThat(at).isBetween(sent, System.nanoTime()));
        }
    }

    /** A chat entry as the streaming endpoint sends it: the sync entry is the payload, as an escaped JSON string. */
    private static String message(long seq, int index) {
        return "{\"stream\":[\"chat\"],\"event\":\"chat.message\",\"payload\":\"{\\\"seq\\\":" + seq
                + ",\\\"client_message_id\\\":\\\"m" + index + "\\\"}\"}";
    }
}
