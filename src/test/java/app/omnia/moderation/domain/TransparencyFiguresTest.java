package app.omnia.moderation.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransparencyFiguresTest {

    static final Instant JAN = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-10T00:00:00Z");

    @Test
    void countsByCategoryTypeAndMonthWithTheMedianTimeToAction() {
        var reports = List.of(
                new Transparency.ReportRow("spam", null, false, JAN, JAN.plusSeconds(60)),
                new Transparency.ReportRow("spam", null, true, JAN, JAN.plusSeconds(180)),
                new Transparency.ReportRow("legal", "scams_fraud", false, FEB, FEB.plusSeconds(30)),
                new Transparency.ReportRow("legal", "terrorism", false, FEB, null));
        var decisions = List.of(new Transparency.DecisionRow("remove", false, JAN),
                new Transparency.DecisionRow("hide", true, FEB), new Transparency.DecisionRow("remove", false, FEB));

        var f = Transparency.of(JAN, FEB.plusSeconds(86_400), reports, decisions);

        assertThat(f.reports()).isEqualTo(4);
        assertThat(f.fromTrustedFlaggers()).isEqualTo(1);
        assertThat(f.reportsByCategory()).containsEntry("spam", 2L).containsEntry("legal", 2L);
        assertThat(f.reportsByIllegalCategory()).containsEntry("terrorism", 1L).hasSize(2);
        assertThat(f.actionsByType()).containsEntry("remove", 2L).containsEntry("hide", 1L);
        assertThat(f.automated()).isEqualTo(1);
        assertThat(f.human()).isEqualTo(2);
        assertThat(f.medianSecondsToAction()).isEqualTo(60);
        assertThat(f.medianSecondsToActionByCategory()).containsEntry("spam", 120L).containsEntry("legal", 30L);
        assertThat(f.periods()).extracting(Transparency.Period::period).containsExactly("2026-01", "2026-02");
        assertThat(f.periods().get(1).automated()).isEqualTo(1);
        assertThat(f.periods().get(1).medianSecondsToAction()).isEqualTo(30);
    }

    @Test
    void noActionedReportsMeansNoMedian() {
        var f = Transparency.of(JAN, FEB, List.of(new Transparency.ReportRow("spam", null, false, JAN, null)), List.of());
        assertThat(f.medianSecondsToAction()).isNull();
        assertThat(f.medianSecondsToActionByCategory()).isEmpty();
    }
}
