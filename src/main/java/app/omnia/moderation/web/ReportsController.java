package app.omnia.moderation.web;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.ModerationSettings;
import app.omnia.moderation.NewReport;
import app.omnia.moderation.ReportService;
import app.omnia.moderation.domain.Report;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/**
 * Filing reports: Mastodon's {@code POST /api/v1/reports} (Omnia's extra parameters accepted there too), the
 * same at {@code /api/omnia/v1/reports}, and the reporter's own reports with their outcome. Also the server's
 * rules, which reports cite.
 */
@RestController
class ReportsController {

    private final ReportService reports;
    private final ReportJsons json;
    private final ModerationSettings settings;

    ReportsController(ReportService reports, ReportJsons json, ModerationSettings settings) {
        this.reports = reports;
        this.json = json;
        this.settings = settings;
    }

    @PostMapping({"/api/v1/reports", "/api/omnia/v1/reports"})
    @RequiresScope("write:reports")
    Map<String, Object> file(Params params) {
        NewReport request = new NewReport(params.string("account_id").orElse(null), params.list("status_ids"),
                params.list("media_ids"), params.string("conversation_id").orElse(null), params.list("message_ids"),
                params.string("comment").orElse(null), params.bool("forward").orElse(false),
                params.string("category").orElse(null), params.list("rule_ids"),
                params.string("illegal_category").orElse(null));
        return json.report(reports.file(CurrentViewer.require(), request));
    }

    @GetMapping("/api/omnia/v1/reports")
    @RequiresScope("read")
    List<Map<String, Object>> own(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<Report> found = reports.ownPage(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(Report::id).toList(), page.limit());
        return found.stream().map(json::report).toList();
    }

    @GetMapping("/api/omnia/v1/reports/{id}")
    @RequiresScope("read")
    Map<String, Object> one(@PathVariable String id) {
        return json.report(reports.own(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @GetMapping("/api/v1/instance/rules")
    @PublicEndpoint
    List<Map<String, Object>> rules() {
        return IntStream.range(0, settings.rules().size())
                .mapToObj(i -> ReportJsons.rule(i + 1, settings.rules().get(i))).toList();
    }
}
