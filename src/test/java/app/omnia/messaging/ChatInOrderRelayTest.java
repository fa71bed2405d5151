package app.omnia.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import app.omnia.platform.streaming.StreamEvent;

/** The chat stream's ordering: events fed out of order, twice or never, with a fake sync log and clock. */
class ChatInOrderRelayTest {

    private static final Duration WAIT = Duration.ofMillis(250);

    private final List<StreamEvent> sent = new CopyOnWriteArrayList<>();
    private final List<Long> logged = new ArrayList<>(LongStream.rangeClosed(1, 2000).boxed().toList());
    private final List<long[]> logReads = new ArrayList<>();
    private final List<Scheduled> scheduled = new ArrayList<>();

    private record Scheduled(Duration delay, Runnable task, boolean[] cancelled) {}

    private InOrderRelay relay(long baseline, int maxHeld) {
        return new InOrderRelay(baseline, sent::add, (after, upTo) -> {
            logReads.add(new long[] {after, upTo});
            return logged.stream().filter(seq -> seq > after && seq <= upTo).map(ChatInOrderRelayTest::event).toList();
        }, (wait, task) -> {
            boolean[] cancelled = {false};
            scheduled.add(new Scheduled(wait, task, cancelled));
            return () -> cancelled[0] = true;
        }, WAIT, maxHeld);
    }

    private static StreamEvent event(long seq) {
        return new StreamEvent("chat:1", "chat.message", "{\"seq\":" + seq + ",\"type\":\"chat.message\"}", Set.of());
    }

    private List<Long> sentSeqs() {
        return sent.stream().map(e -> InOrderRelay.seqOf(e.payload())).toList();
    }

    private List<Scheduled> live() {
        return scheduled.stream().filter(s -> !s.cancelled()[0]).toList();
    }

    private void fireDeadlines() {
        List<Scheduled> due = live();
        scheduled.clear();
        due.forEach(s -> s.task().run());
    }

    @Test
    void eventsInOrderGoStraightOut() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(11));
        relay.accept(event(12));
        assertThat(sentSeqs()).containsExactly(11L, 12L);
        assertThat(live()).isEmpty();
    }

    @Test
    void aLaterEventWaitsForTheEarlierOneThenBothGoInOrder() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(12));
        assertThat(sent).isEmpty();
        assertThat(live()).extracting(Scheduled::delay).containsExactly(WAIT);
        relay.accept(event(11));
        assertThat(sentSeqs()).containsExactly(11L, 12L);
        assertThat(live()).as("nothing left to fill").isEmpty();
        assertThat(logReads).isEmpty();
    }

    @Test
    void duplicatesAndEventsFromBeforeTheBaselineAreDropped() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(9));
        relay.accept(event(10));
        relay.accept(event(11));
        relay.accept(event(11));
        relay.accept(event(13));
        relay.accept(event(13));
        relay.accept(event(12));
        assertThat(sentSeqs()).containsExactly(11L, 12L, 13L);
    }

    @Test
    void aGapThatDoesNotFillInTimeIsReadFromTheSyncLog() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(13));
        relay.accept(event(14));
        fireDeadlines();
        assertThat(logReads).hasSize(1);
        assertThat(logReads.getFirst()).containsExactly(10L, 14L);
        assertThat(sentSeqs()).containsExactly(11L, 12L, 13L, 14L);
        relay.accept(event(12));
        relay.accept(event(15));
        assertThat(sentSeqs()).as("the late one is a duplicate now").containsExactly(11L, 12L, 13L, 14L, 15L);
    }

    @Test
    void eventsWithoutSeqPassStraightThroughWhileOthersAreHeld() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(12));
        StreamEvent typing = new StreamEvent("chat:1", "chat.typing", "{\"type\":\"chat.typing\"}", Set.of());
        relay.accept(typing);
        assertThat(sent).containsExactly(typing);
    }

    @Test
    void tooManyHeldReadsTheLogAtOnceAndHoldsNoMore() {
        InOrderRelay relay = relay(0, 4);
        for (long seq = 2; seq <= 10; seq++) {
            relay.accept(event(seq));
        }
        assertThat(sent).isEmpty();
        assertThat(live()).extracting(Scheduled::delay).containsExactly(Duration.ZERO);
        fireDeadlines();
        assertThat(sentSeqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    @Test
    void anEntryTheLogDoesNotHaveIsSkippedRatherThanStallingTheSocket() {
        logged.remove(Long.valueOf(11));
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(12));
        fireDeadlines();
        assertThat(sentSeqs()).containsExactly(12L);
        relay.accept(event(13));
        assertThat(sentSeqs()).containsExactly(12L, 13L);
    }

    @Test
    void aClosedRelaySendsNothingAndCancelsItsDeadline() {
        InOrderRelay relay = relay(10, 16);
        relay.accept(event(12));
        relay.close();
        assertThat(live()).isEmpty();
        relay.accept(event(11));
        assertThat(sent).isEmpty();
    }

    @Test
    void eventsFedShuffledFromManyThreadsLeaveInOrderOnceEach() throws InterruptedException {
        InOrderRelay relay = relay(0, 5000);
        List<Long> seqs = new ArrayList<>(LongStream.rangeClosed(1, 2000).boxed().toList());
        seqs.addAll(seqs.subList(0, 300));
        Collections.shuffle(seqs, new Random(42));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> feeders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            feeders.add(Thread.startVirtualThread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = from; i < seqs.size(); i += threads) {
                    relay.accept(event(seqs.get(i)));
                }
            }));
        }
        start.countDown();
        for (Thread feeder : feeders) {
            feeder.join();
        }
        assertThat(sentSeqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
        assertThat(logReads).isEmpty();
    }

    @Test
    void seqIsReadFromTheSyncEntryPrefixOnly() {
        assertThat(InOrderRelay.seqOf("{\"seq\":42,\"type\":\"x\"}")).isEqualTo(42);
        assertThat(InOrderRelay.seqOf("{\"type\":\"chat.typing\",\"seq\":4}")).isEqualTo(-1);
        assertThat(InOrderRelay.seqOf("{\"seq\":\"x\"}")).isEqualTo(-1);
        assertThat(InOrderRelay.seqOf(null)).isEqualTo(-1);
    }
}
