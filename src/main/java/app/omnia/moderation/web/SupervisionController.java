package app.omnia.moderation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.SupervisionService;
import app.omnia.moderation.persistence.Reviews;
import app.omnia.moderation.persistence.Supervisions;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.NewStatus;
import app.omnia.social.StatusRendering;

/**
 * Supervised accounts: admins place them and name reviewers ({@code /api/omnia/v1/admin/supervisions}); the
 * reviewers work their queue ({@code /api/omnia/v1/supervision/reviews}); authors follow their posts
 * ({@code /api/omnia/v1/supervision/posts}).
 */
@RestController
class SupervisionController {

    private final SupervisionService supervision;
    private final StatusRendering statuses;

    SupervisionController(SupervisionService supervision, StatusRendering statuses) {
        this.supervision = supervision;
        this.statuses = statuses;
    }

    @PostMapping("/api/omnia/v1/admin/supervisions")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> supervise(Params params) {
        long accountId = id(params.required("account_id"), "account_id");
        List<Long> reviewers = params.list("reviewer_ids").stream().filter(s -> !s.isBlank())
                .map(s -> id(s, "reviewer_ids")).toList();
        return json(supervision.supervise(CurrentViewer.require(), accountId, reviewers,
                params.string("reason").orElse("")));
    }

    @GetMapping("/api/omnia/v1/admin/supervisions/{accountId}")
    @RequiresScope("admin:read:accounts")
    Map<String, Object> one(@PathVariable String accountId) {
        return json(supervision.get(CurrentViewer.require(), PathIds.parse(accountId)));
    }

    @DeleteMapping("/api/omnia/v1/admin/supervisions/{accountId}")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> end(@PathVariable String accountId) {
        supervision.end(CurrentViewer.require(), PathIds.parse(accountId));
        return Map.of();
    }

    /** Pending posts the viewer reviews, newest first, each with its status (max 40 a page). */
    @GetMapping("/api/omnia/v1/supervision/reviews")
    @RequiresScope("read")
    List<Map<String, Object>> queue(Params params, HttpServletRequest request, HttpServletResponse response) {
        Viewer viewer = CurrentViewer.require();
        PageRequest page = params.page(20, 40);
        List<Reviews.Review> found = supervision.queue(viewer, page);
        LinkHeader.set(request, response, found.stream().map(Reviews.Review::id).toList(), page.limit());
        return found.stream().map(r -> review(r, viewer.accountId())).toList();
    }

    @PostMapping("/api/omnia/v1/supervision/reviews/{reviewId}/approve")
    @RequiresScope("write")
    Map<String, Object> approve(@PathVariable String reviewId) {
        Viewer viewer = CurrentViewer.require();
        return review(supervision.approve(viewer, PathIds.parse(reviewId)), viewer.accountId());
    }

    @PostMapping("/api/omnia/v1/supervision/reviews/{reviewId}/reject")
    @RequiresScope("write")
    Map<String, Object> reject(@PathVariable String reviewId, Params params) {
        Viewer viewer = CurrentViewer.require();
        return review(supervision.reject(viewer, PathIds.parse(reviewId), params.string("reason").orElse("")),
                viewer.accountId());
    }

    /** The author's own supervised posts and their state (max 40 a page). */
    @GetMapping("/api/omnia/v1/supervision/posts")
    @RequiresScope("read")
    List<Map<String, Object>> own(Params params, HttpServletRequest request, HttpServletResponse response) {
        long me = CurrentViewer.requireAccountId();
        PageRequest page = params.page(20, 40);
        List<Reviews.Review> found = supervision.own(me, page);
        LinkHeader.set(request, response, found.stream().map(Reviews.Review::id).toList(), page.limit());
        return found.stream().map(r -> review(r, me)).toList();
    }

    private Map<String, Object> review(Reviews.Review r, long viewerId) {
        Map<String, Object> json = new LinkedHashMap<>();
        // A new post's review has the post's id; an edit's has its own, and names the status it changes.
        json.put("id", String.valueOf(r.id()));
        json.put("kind", r.kind());
        json.put("status_id", String.valueOf(r.statusId()));
        json.put("account_id", String.valueOf(r.accountId()));
        json.put("state", r.state());
        json.put("created_at", JsonTime.of(r.createdAt()));
        json.put("decided_at", JsonTime.of(r.decidedAt()));
        json.put("statement_id", r.statementId() == null ? null : String.valueOf(r.statementId()));
        List<Object> rendered = statuses.render(List.of(r.statusId()), viewerId);
        json.put("status", rendered.isEmpty() ? null : rendered.getFirst());
        if (r.isEdit()) {
            json.put("edit", supervision.askedEdit(r).map(SupervisionController::edit).orElse(null));
        }
        return json;
    }

    /** The edit as its author asked for it (the status above is the version published meanwhile). */
    private static Map<String, Object> edit(NewStatus asked) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", asked.text());
        json.put("spoiler_text", asked.spoilerText());
        json.put("sensitive", Boolean.TRUE.equals(asked.sensitive()));
        json.put("language", asked.language());
        json.put("media_ids", asked.mediaIds());
        json.put("poll", asked.poll() == null ? null : Map.of("options", asked.poll().options()));
        return json;
    }

    private static Map<String, Object> json(Supervisions.Supervision s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_id", String.valueOf(s.accountId()));
        json.put("reviewer_ids", s.reviewerIds().stream().map(String::valueOf).toList());
        json.put("reason", s.reason());
        json.put("created_by", String.valueOf(s.createdBy()));
        json.put("created_at", JsonTime.of(s.createdAt()));
        return json;
    }

    private static long id(String raw, String field) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must be an id");
        }
    }
}
