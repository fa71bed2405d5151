package app.omnia.social.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.NewStatus;
import app.omnia.social.ScheduledStatusService;
import app.omnia.social.ScheduledStatusService.ScheduledStatus;

/** Mastodon's scheduled statuses: list, one, change the time, cancel. Each person sees only their own. */
@RestController
class ScheduledStatusesController {

    private final ScheduledStatusService scheduled;

    ScheduledStatusesController(ScheduledStatusService scheduled) {
        this.scheduled = scheduled;
    }

    @GetMapping("/api/v1/scheduled_statuses")
    @RequiresScope("read:statuses")
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<ScheduledStatus> found = scheduled.page(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(ScheduledStatus::id).toList(), page.limit());
        return found.stream().map(ScheduledStatusesController::json).toList();
    }

    @GetMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("read:statuses")
    Map<String, Object> one(@PathVariable String id) {
        return json(scheduled.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @PutMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("write:statuses")
    Map<String, Object> reschedule(@PathVariable String id, Params params) {
        return json(scheduled.reschedule(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("scheduled_at").orElse(null)));
    }

    @DeleteMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("write:statuses")
    Map<String, Object> cancel(@PathVariable String id) {
        scheduled.cancel(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }

    private static Map<String, Object> poll(app.omnia.social.NewPoll poll) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("options", poll.options());
        json.put("expires_in", poll.expiresIn());
        json.put("multiple", Boolean.TRUE.equals(poll.multiple()));
        json.put("hide_totals", Boolean.TRUE.equals(poll.hideTotals()));
        return json;
    }

    /** Mastodon's ScheduledStatus entity, its {@code params} being the request as it was sent. */
    static Map<String, Object> json(ScheduledStatus s) {
        NewStatus r = s.request();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", r.text());
        params.put("poll", r.poll() == null ? null : poll(r.poll()));
        params.put("media_ids", r.mediaIds() == null || r.mediaIds().isEmpty() ? null : r.mediaIds());
        params.put("sensitive", r.sensitive());
        params.put("spoiler_text", r.spoilerText());
        params.put("visibility", r.visibility() == null ? "public" : r.visibility());
        params.put("in_reply_to_id", r.inReplyToId());
        params.put("language", r.language());
        params.put("application_id", s.applicationId() == null ? null : String.valueOf(s.applicationId()));
        params.put("scheduled_at", null);
        params.put("idempotency", null);
        params.put("with_rate_limit", false);
        params.put("quoted_status_id", r.quotedStatusId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(s.id()));
        json.put("scheduled_at", JsonTime.of(s.scheduledAt()));
        json.put("params", params);
        json.put("media_attachments", List.of());
        return json;
    }
}
