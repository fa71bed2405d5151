package app.omnia.social.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.AccountView;
import app.omnia.identity.Links;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.FollowService;
import app.omnia.social.NotificationService;
import app.omnia.social.StatusService;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Notifications.Notification;
import app.omnia.social.persistence.Statuses;

/** Mastodon's notifications API (v1): list with type filters, one, dismiss, clear. */
@RestController
class NotificationsController {

    private final NotificationService notifications;
    private final StatusService statusService;
    private final FollowService follows;
    private final Statuses statuses;
    private final AccountService accounts;
    private final StatusJsons statusJson;
    private final Links links;

    NotificationsController(NotificationService notifications, StatusService statusService, FollowService follows,
                            Statuses statuses, AccountService accounts, StatusJsons statusJson, Links links) {
        this.notifications = notifications;
        this.statusService = statusService;
        this.follows = follows;
        this.statuses = statuses;
        this.accounts = accounts;
        this.statusJson = statusJson;
        this.links = links;
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
        return json(found, viewer);
    }

    @GetMapping("/api/v1/notifications/{id}")
    @RequiresScope("read:notifications")
    Map<String, Object> one(@PathVariable String id) {
        long viewer = CurrentViewer.requireAccountId();
        List<Map<String, Object>> shown = json(List.of(notifications.get(viewer, PathIds.parse(id))), viewer);
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

    /** Mastodon's Notification entity; one whose actor is now blocked, or whose status is gone or hidden, is left out. */
    private List<Map<String, Object>> json(List<Notification> found, long viewer) {
        Set<Long> hidden = new java.util.HashSet<>(follows.hiddenFrom(viewer));
        hidden.addAll(follows.mutedNotificationsOf(viewer));
        Map<Long, AccountView> actors = accounts.views(found.stream().map(Notification::fromAccountId).toList());
        Map<Long, Status> byId = statuses.findAll(found.stream().map(Notification::statusId)
                .filter(java.util.Objects::nonNull).toList());
        List<Notification> shown = new ArrayList<>();
        List<Status> shownStatuses = new ArrayList<>();
        for (Notification n : found) {
            Status status = n.statusId() == null ? null : byId.get(n.statusId());
            boolean statusMissing = n.statusId() != null && (status == null || !statusService.canSee(viewer, status));
            if (hidden.contains(n.fromAccountId()) || !actors.containsKey(n.fromAccountId()) || statusMissing) {
                continue;
            }
            shown.add(n);
            if (status != null) {
                shownStatuses.add(status);
            }
        }
        Map<Long, StatusJson> rendered = new java.util.HashMap<>();
        List<StatusJson> page = statusJson.page(shownStatuses, viewer);
        for (int i = 0; i < shownStatuses.size(); i++) {
            rendered.put(shownStatuses.get(i).id(), page.get(i));
        }
        return shown.stream().map(n -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", String.valueOf(n.id()));
            json.put("type", n.type());
            json.put("created_at", JsonTime.of(n.createdAt()));
            json.put("group_key", "ungrouped-" + n.id());
            json.put("account", AccountJson.of(actors.get(n.fromAccountId()), links));
            json.put("status", n.statusId() == null ? null : rendered.get(n.statusId()));
            return json;
        }).toList();
    }
}
