package app.omnia.moderation.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.ReportQueue;
import app.omnia.moderation.domain.Report;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Mastodon's admin reports API, and Omnia's queue ordered by severity then age. Staff only. */
@RestController
class AdminReportsController {

    private static final int MAX_REASON = 5000;

    static final int QUEUE_MAX = 100;

    private final ReportQueue queue;
    private final ReportJsons json;

    AdminReportsController(ReportQueue queue, ReportJsons json) {
        this.queue = queue;
        this.json = json;
    }

    @GetMapping("/api/v1/admin/reports")
    @RequiresScope("admin:read:reports")
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        Viewer viewer = CurrentViewer.require();
        PageRequest page = params.page(100, 200);
        List<Report> found = queue.page(viewer, params.bool("resolved").orElse(null),
                params.string("account_id").map(PathIds::parse).orElse(null),
                params.string("target_account_id").map(PathIds::parse).orElse(null), page);
        LinkHeader.set(request, response, found.stream().map(Report::id).toList(), page.limit());
        return found.stream().map(r -> json.admin(r, viewer.accountId())).toList();
    }

    @GetMapping("/api/omnia/v1/admin/reports/queue")
    @RequiresScope("admin:read:reports")
    List<Map<String, Object>> queue(Params params) {
        Viewer viewer = CurrentViewer.require();
        int limit = number(params, "limit", 20);
        int offset = number(params, "offset", 0);
        if (limit < 1 || limit > QUEUE_MAX) {
            throw ApiException.validation("limit", "ERR_INVALID", "limit must be between 1 and 100");
        }
        return queue.queue(viewer, limit, offset).stream().map(r -> json.admin(r, viewer.accountId())).toList();
    }

    @GetMapping("/api/v1/admin/reports/{id}")
    @RequiresScope("admin:read:reports")
    Map<String, Object> one(@PathVariable String id) {
        Viewer viewer = CurrentViewer.require();
        return json.admin(queue.get(viewer, PathIds.parse(id)), viewer.accountId());
    }

    /** Mastodon's update: {@code category} and/or {@code rule_ids[]} (an empty entry clears them); absent ones stay. */
    @PutMapping("/api/v1/admin/reports/{id}")
    @RequiresScope("admin:write:reports")
    Map<String, Object> update(@PathVariable String id, Params params) {
        Viewer viewer = CurrentViewer.require();
        List<String> ruleIds = params.has("rule_ids") || params.has("rule_ids[]") ? params.list("rule_ids") : null;
        return json.admin(queue.update(viewer, PathIds.parse(id), params.string("category").orElse(null), ruleIds),
                viewer.accountId());
    }

    @PostMapping("/api/v1/admin/reports/{id}/assign_to_self")
    @RequiresScope("admin:write:reports")
    Map<String, Object> assign(@PathVariable String id) {
        Viewer viewer = CurrentViewer.require();
        return json.admin(queue.assign(viewer, PathIds.parse(id), true), viewer.accountId());
    }

    @PostMapping("/api/v1/admin/reports/{id}/unassign")
    @RequiresScope("admin:write:reports")
    Map<String, Object> unassign(@PathVariable String id) {
        Viewer viewer = CurrentViewer.require();
        return json.admin(queue.assign(viewer, PathIds.parse(id), false), viewer.accountId());
    }

    /**
     * Mastodon's dismissal; {@code text} (optional, an Omnia extension like the actions' own) says why, and is
     * kept in the audit entry as every moderation decision's reason is.
     */
    @PostMapping("/api/v1/admin/reports/{id}/resolve")
    @RequiresScope("admin:write:reports")
    Map<String, Object> resolve(@PathVariable String id, Params params) {
        Viewer viewer = CurrentViewer.require();
        String why = params.string("text").orElse("").strip();
        if (why.length() > MAX_REASON) {
            throw ApiException.validation("text", "ERR_TOO_LONG", "text is too long (maximum is 5000 characters)");
        }
        return json.admin(queue.resolve(viewer, PathIds.parse(id), why), viewer.accountId());
    }

    @PostMapping("/api/v1/admin/reports/{id}/reopen")
    @RequiresScope("admin:write:reports")
    Map<String, Object> reopen(@PathVariable String id) {
        Viewer viewer = CurrentViewer.require();
        return json.admin(queue.reopen(viewer, PathIds.parse(id)), viewer.accountId());
    }

    private static int number(Params params, String name, int fallback) {
        try {
            return params.string(name).map(String::strip).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw ApiException.validation(name, "ERR_INVALID", name + " must be a number");
        }
    }
}
