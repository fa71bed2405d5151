package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.NotificationService;
import app.omnia.social.persistence.Notifications.Notification;

/** Mastodon's notifications API (v1): list with type filters, one, dismiss, clear. */
@RestController
class NotificationsController {

    private final NotificationService notifications;
    private final NotificationJsons json;

    NotificationsController(NotificationService notifications, NotificationJsons json) {
        this.notifications = notifications;
        this.json = json;
    }

    @GetMapping("/api/v1/notifications")
    @RequiresScope("read:notifications")
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        long viewer = CurrentViewer.requireAccountId();
        PageRequest page = params.page(40, 80);
        Long from = params.string("account_id").map(PathIds::parse).orElse(null);
        List<Notification> found = notifications.page(viewer, params.list("types"), params.list("exclude_types"),
                from, page);
        LinkHeader.set(request, response, found.stream().map(Notification::id).toList(), page.limit());
        return json.render(found, viewer);
    }

    @GetMapping("/api/v1/notifications/{id}")
    @RequiresScope("read:notifications")
    Map<String, Object> one(@PathVariable String id) {
        long viewer = CurrentViewer.requireAccountId();
        List<Map<String, Object>> shown = json.render(List.of(notifications.get(viewer, PathIds.parse(id))), viewer);
        if (shown.isEmpty()) {
            throw ApiException.notFound();
        }
        return shown.getFirst();
    }

    @PostMapping("/api/v1/notifications/{id}/dismiss")
    @RequiresScope("write:notifications")
    Map<String, Object> dismiss(@PathVariable String id) {
        notifications.dismiss(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }

    @PostMapping("/api/v1/notifications/clear")
    @RequiresScope("write:notifications")
    Map<String, Object> clear() {
        notifications.clear(CurrentViewer.requireAccountId());
        return Map.of();
    }
}
