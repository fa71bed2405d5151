package app.omnia.platform.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ChannelQueuesTest {

    private final ChannelQueues queues = new ChannelQueues();

    @Test
    void runsEachChannelsTasksInTheOrderTheyCame() throws Exception {
        List<Integer> a = Collections.synchronizedList(new ArrayList<>());
        List<Integer> b = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(20_000);
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            queues.submit("chat:1", () -> {
                a.add(n);
                done.countDown();
            });
            queues.submit("chat:2", () -> {
                b.add(n);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = java.util.stream.IntStream.range(0, 10_000).boxed().toList();
        assertThat(a).isEqualTo(expected);
        assertThat(b).isEqualTo(expected);
        awaitIdle();
    }

    @Test
    void aStuckChannelDoesNotHoldUpOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        queues.submit("timeline:public", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        queues.submit("chat:3", other::countDown);
        assertThat(other.await(10, TimeUnit.SECONDS)).isTrue();
        // The other channel ran its task; it is counted idle once the task has returned, just after.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queues.busyChannels()).isEqualTo(1));
        release.countDown();
        awaitIdle();
    }

    @Test
    void aFailingTaskDoesNotStopTheChannel() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        queues.submit("chat:4", () -> {
            throw new IllegalStateException("socket gone");
        });
        queues.submit("chat:4", after::countDown);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        awaitIdle();
    }

    /** Drained queues are forgotten: an idle copy keeps nothing per channel. */
    private void awaitIdle() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queues.busyChannels()).isZero());
    }
}
