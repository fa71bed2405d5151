package app.omnia.social.web;

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
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.ScheduledStatusService;
import app.omnia.social.ScheduledStatusService.ScheduledStatus;

/** Mastodon's scheduled statuses: list, one, change the time, cancel. Each person sees only their own. */
@RestController
class ScheduledStatusesController {

    private final ScheduledStatusService scheduled;
    private final ScheduledStatusJsons json;

    ScheduledStatusesController(ScheduledStatusService scheduled, ScheduledStatusJsons json) {
        this.scheduled = scheduled;
        this.json = json;
    }

    @GetMapping("/api/v1/scheduled_statuses")
    @RequiresScope("read:statuses")
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<ScheduledStatus> found = scheduled.page(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(ScheduledStatus::id).toList(), page.limit());
        return found.stream().map(json::of).toList();
    }

    @GetMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("read:statuses")
    Map<String, Object> one(@PathVariable String id) {
        return json.of(scheduled.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @PutMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("write:statuses")
    Map<String, Object> reschedule(@PathVariable String id, Params params) {
        return json.of(scheduled.reschedule(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("scheduled_at").orElse(null)));
    }

    @DeleteMapping("/api/v1/scheduled_statuses/{id}")
    @RequiresScope("write:statuses")
    Map<String, Object> cancel(@PathVariable String id) {
        scheduled.cancel(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }
}
