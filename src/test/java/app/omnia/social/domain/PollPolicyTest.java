package app.omnia.social.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollPolicyTest {

    private static final long AUTHOR = 1;
    private static final long OTHER = 2;
    private static final Instant END = Instant.parse("2026-06-01T12:00:00Z");

    private static Poll poll(boolean hideTotals) {
        return new Poll(7, 10, AUTHOR, List.of("a", "b"), false, hideTotals, END, null, END.minusSeconds(3600));
    }

    @Test
    void anyoneButTheAuthorVotesOnceBeforeTheEnd() {
        Instant before = END.minusSeconds(1);
        assertThat(PollPolicy.refusal(OTHER, poll(false), before, false)).isEmpty();
        assertThat(PollPolicy.refusal(AUTHOR, poll(false), before, false)).contains(PollPolicy.Refusal.OWN_POLL);
        assertThat(PollPolicy.refusal(OTHER, poll(false), before, true)).contains(PollPolicy.Refusal.ALREADY_VOTED);
        assertThat(PollPolicy.refusal(OTHER, poll(false), END, false)).contains(PollPolicy.Refusal.ENDED);
    }

    @Test
    void hiddenTotalsShowOnlyOnceThePollEnded() {
        assertThat(PollPolicy.showsTotals(poll(false), END.minusSeconds(1))).isTrue();
        assertThat(PollPolicy.showsTotals(poll(true), END.minusSeconds(1))).isFalse();
        assertThat(PollPolicy.showsTotals(poll(true), END)).isTrue();
    }

    @Test
    void theAuthorCountsAsHavingVotedOthersOnlyOnceTheyDid() {
        assertThat(PollPolicy.countsAsVoted(AUTHOR, poll(false), false)).isTrue();
        assertThat(PollPolicy.countsAsVoted(OTHER, poll(false), false)).isFalse();
        assertThat(PollPolicy.countsAsVoted(OTHER, poll(false), true)).isTrue();
    }
}
