package app.omnia.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures of a transparency report (DSA art. 15 and 24) over a period: reports by category, decisions by
 * type, automated against human decisions, and the median time from a report to the action it led to, in
 * total, by category and by calendar month (UTC). Pure: the rows come from the stores.
 */
public final class Transparency {

    /** A report filed in the period; {@code actionedAt} is set when it led to an action. */
    public record ReportRow(String category, String illegalCategory, boolean trustedFlagger, Instant createdAt,
                            Instant actionedAt) {}

    /** A decision taken in the period. */
    public record DecisionRow(String action, boolean automated, Instant createdAt) {}

    /** One calendar month's figures. */
    public record Period(String period, long reports, long actions, long automated, long human,
                         Long medianSecondsToAction) {}

    public record Figures(Instant from, Instant to, long reports, long fromTrustedFlaggers,
                          Map<String, Long> reportsByCategory, Map<String, Long> reportsByIllegalCategory,
                          long actions, long automated, long human, Map<String, Long> actionsByType,
                          Long medianSecondsToAction, Map<String, Long> medianSecondsToActionByCategory,
                          List<Period> periods) {}

    private Transparency() {
    }

    public static Figures of(Instant from, Instant to, List<ReportRow> reports, List<DecisionRow> decisions) {
        Map<String, Long> medianByCategory = new TreeMap<>();
        reports.stream().collect(Collectors.groupingBy(ReportRow::category)).forEach((category, rows) -> {
            Long median = median(rows);
            if (median != null) {
                medianByCategory.put(category, median);
            }
        });
        Map<String, List<ReportRow>> reportsByMonth = reports.stream().collect(Collectors.groupingBy(r -> month(r.createdAt())));
        Map<String, List<DecisionRow>> decisionsByMonth = decisions.stream()
                .collect(Collectors.groupingBy(d -> month(d.createdAt())));
        TreeMap<String, Boolean> months = new TreeMap<>();
        reportsByMonth.keySet().forEach(m -> months.put(m, true));
        decisionsByMonth.keySet().forEach(m -> months.put(m, true));
        List<Period> periods = new ArrayList<>();
        for (String month : months.keySet()) {
            List<ReportRow> r = reportsByMonth.getOrDefault(month, List.of());
            List<DecisionRow> d = decisionsByMonth.getOrDefault(month, List.of());
            long automated = d.stream().filter(DecisionRow::automated).count();
            periods.add(new Period(month, r.size(), d.size(), automated, d.size() - automated, median(r)));
        }
        long automated = decisions.stream().filter(DecisionRow::automated).count();
        return new Figures(from, to, reports.size(), reports.stream().filter(ReportRow::trustedFlagger).count(),
                count(reports, ReportRow::category),
                count(reports.stream().filter(r -> r.illegalCategory() != null).toList(), ReportRow::illegalCategory),
                decisions.size(), automated, decisions.size() - automated, count(decisions, DecisionRow::action),
                median(reports), medianByCategory, periods);
    }

    /** The median seconds from report to action among actioned reports (the lower middle of an even count), or null. */
    static Long median(List<ReportRow> rows) {
        List<Long> seconds = rows.stream().filter(r -> r.actionedAt() != null)
                .map(r -> Duration.between(r.createdAt(), r.actionedAt()).toSeconds()).sorted().toList();
        if (seconds.isEmpty()) {
            return null;
        }
        int n = seconds.size();
        return n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
    }

    private static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
