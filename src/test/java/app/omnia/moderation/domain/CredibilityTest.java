package app.omnia.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredibilityTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Credibility.Rules RULES = new Credibility.Rules(Duration.ofDays(7), 0.5, 2, 0.5);
    static final Instant OLD = NOW.minus(Duration.ofDays(100));
    static final Instant NEW = NOW.minus(Duration.ofDays(1));

    @Test
    void establishedStrangersCountOneEach() {
        var reporters = List.of(new Credibility.Reporter(1, OLD, 0), new Credibility.Reporter(2, OLD, 0),
                new Credibility.Reporter(3, OLD, 0));
        assertThat(Credibility.score(reporters, List.of(), RULES, NOW)).isEqualTo(3.0);
    }

    @Test
    void newAccountsAndDismissedReportersCountLess() {
        assertThat(Credibility.weight(new Credibility.Reporter(1, NEW, 0), RULES, NOW)).isEqualTo(0.5);
        assertThat(Credibility.weight(new Credibility.Reporter(1, OLD, 2), RULES, NOW)).isEqualTo(0.5);
        assertThat(Credibility.weight(new Credibility.Reporter(1, NEW, 5), RULES, NOW)).isEqualTo(0.25);
        assertThat(Credibility.weight(new Credibility.Reporter(1, OLD, 1), RULES, NOW)).isEqualTo(1.0);
    }

    @Test
    void reportersLinkedByFollowsCountAsTheirMostCredibleMember() {
        var reporters = List.of(new Credibility.Reporter(1, NEW, 0), new Credibility.Reporter(2, NEW, 0),
                new Credibility.Reporter(3, OLD, 0), new Credibility.Reporter(4, OLD, 0));
        // 1 -> 2 -> 3 form one chain; 4 stands alone.
        List<long[]> follows = List.of(new long[] {1, 2}, new long[] {3, 2}, new long[] {9, 4});
        assertThat(Credibility.score(reporters, follows, RULES, NOW)).isEqualTo(2.0);
    }

    @Test
    void aRingOfNewAccountsCountsAsHalfOfOne() {
        var reporters = List.of(new Credibility.Reporter(1, NEW, 0), new Credibility.Reporter(2, NEW, 0),
                new Credibility.Reporter(3, NEW, 0), new Credibility.Reporter(4, NEW, 0));
        List<long[]> ring = List.of(new long[] {1, 2}, new long[] {2, 3}, new long[] {3, 4}, new long[] {4, 1});
        assertThat(Credibility.score(reporters, ring, RULES, NOW)).isEqualTo(0.5);
    }

    @Test
    void aTrustedFlaggerCountsFullyAndIsNeverMergedIntoACluster() {
        var flagger = new Credibility.Reporter(1, NEW, 5, true);
        assertThat(Credibility.weight(flagger, RULES, NOW)).isEqualTo(1.0);
        var reporters = List.of(flagger, new Credibility.Reporter(2, OLD, 0), new Credibility.Reporter(3, OLD, 0));
        List<long[]> follows = List.of(new long[] {1, 2}, new long[] {3, 1});
        assertThat(Credibility.score(reporters, follows, RULES, NOW)).isEqualTo(3.0);
    }
}
