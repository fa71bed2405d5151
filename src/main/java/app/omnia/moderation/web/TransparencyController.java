package app.omnia.moderation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.TransparencyReports;
import app.omnia.moderation.domain.Transparency;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.Params;

/**
 * The transparency report, as JSON or CSV ({@code section,key,value} rows). {@code from} and {@code to} are
 * dates (2026-01-01, {@code to} exclusive) or instants; the default is the last 30 days.
 */
@RestController
class TransparencyController {

    private final TransparencyReports reports;

    TransparencyController(TransparencyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/omnia/v1/admin/transparency")
    @RequiresScope("admin:read:reports")
    Map<String, Object> json(Params params) {
        Transparency.Figures f = figures(params);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", JsonTime.of(f.from()));
        json.put("to", JsonTime.of(f.to()));
        json.put("reports", Map.of("total", f.reports(), "from_trusted_flaggers", f.fromTrustedFlaggers(),
                "by_category", f.reportsByCategory(), "by_illegal_category", f.reportsByIllegalCategory()));
        json.put("actions", Map.of("total", f.actions(), "automated", f.automated(), "human", f.human(),
                "by_type", f.actionsByType()));
        Map<String, Object> median = new LinkedHashMap<>();
        median.put("all", f.medianSecondsToAction());
        median.put("by_category", f.medianSecondsToActionByCategory());
        json.put("median_seconds_to_action", median);
        json.put("periods", f.periods().stream().map(p -> {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("period", p.period());
            period.put("reports", p.reports());
            period.put("actions", p.actions());
            period.put("automated", p.automated());
            period.put("human", p.human());
            period.put("median_seconds_to_action", p.medianSecondsToAction());
            return period;
        }).toList());
        return json;
    }

    @GetMapping("/api/omnia/v1/admin/transparency.csv")
    @RequiresScope("admin:read:reports")
    ResponseEntity<String> csv(Params params) {
        Transparency.Figures f = figures(params);
        StringBuilder csv = new StringBuilder("section,key,value\n");
        row(csv, "period", "from", JsonTime.of(f.from()));
        row(csv, "period", "to", JsonTime.of(f.to()));
        row(csv, "reports", "total", f.reports());
        row(csv, "reports", "from_trusted_flaggers", f.fromTrustedFlaggers());
        f.reportsByCategory().forEach((k, v) -> row(csv, "reports_by_category", k, v));
        f.reportsByIllegalCategory().forEach((k, v) -> row(csv, "reports_by_illegal_category", k, v));
        row(csv, "actions", "total", f.actions());
        row(csv, "actions", "automated", f.automated());
        row(csv, "actions", "human", f.human());
        f.actionsByType().forEach((k, v) -> row(csv, "actions_by_type", k, v));
        row(csv, "median_seconds_to_action", "all", f.medianSecondsToAction());
        f.medianSecondsToActionByCategory().forEach((k, v) -> row(csv, "median_seconds_to_action_by_category", k, v));
        for (Transparency.Period p : f.periods()) {
            row(csv, "period_" + p.period(), "reports", p.reports());
            row(csv, "period_" + p.period(), "actions", p.actions());
            row(csv, "period_" + p.period(), "automated", p.automated());
            row(csv, "period_" + p.period(), "human", p.human());
            row(csv, "period_" + p.period(), "median_seconds_to_action", p.medianSecondsToAction());
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"transparency.csv\"").body(csv.toString());
    }

    private Transparency.Figures figures(Params params) {
        Instant to = params.string("to").filter(s -> !s.isBlank()).map(s -> time("to", s)).orElse(Instant.now());
        Instant from = params.string("from").filter(s -> !s.isBlank()).map(s -> time("from", s))
                .orElse(to.minus(java.time.Duration.ofDays(30)));
        return reports.figures(CurrentViewer.require(), from, to);
    }

    /** Keys are category and action names (letters and underscores), values numbers or times: nothing to quote. */
    private static void row(StringBuilder csv, String section, String key, Object value) {
        csv.append(section).append(',').append(key).append(',').append(value == null ? "" : value).append('\n');
    }

    private static Instant time(String field, String raw) {
        String value = raw.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must be a date like 2026-01-31 or a time like "
                    + "2026-01-31T12:00:00Z");
        }
    }
}
