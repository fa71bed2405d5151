package app.omnia.social.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.AccountView;
import app.omnia.identity.Links;
import app.omnia.platform.web.JsonTime;
import app.omnia.social.FollowService;
import app.omnia.social.StatusService;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Notifications.Notification;
import app.omnia.social.persistence.Statuses;

/** Turns notifications into Mastodon JSON for their recipient, for the REST list and the streaming socket alike. */
@Component
class NotificationJsons {

    private final StatusService statusService;
    private final FollowService follows;
    private final Statuses statuses;
    private final AccountService accounts;
    private final StatusJsons statusJson;
    private final Links links;

    NotificationJsons(StatusService statusService, FollowService follows, Statuses statuses, AccountService accounts,
                      StatusJsons statusJson, Links links) {
        this.statusService = statusService;
        this.follows = follows;
        this.statuses = statuses;
        this.accounts = accounts;
        this.statusJson = statusJson;
        this.links = links;
    }

    /** Mastodon's Notification entity; one whose actor is now blocked, or whose status is gone or hidden, is left out. */
    List<Map<String, Object>> render(List<Notification> found, long viewer) {
        Set<Long> hidden = new java.util.HashSet<>(follows.hiddenFrom(viewer));
        hidden.addAll(follows.mutedNotificationsOf(viewer));
        Map<Long, AccountView> actors = accounts.views(found.stream().map(Notification::fromAccountId).toList());
        Map<Long, Status> byId = statuses.findAll(found.stream().map(Notification::statusId)
                .filter(java.util.Objects::nonNull).toList());
        Set<Long> visible = new java.util.HashSet<>(statusService.visibleOnly(viewer, List.copyOf(byId.values()))
                .stream().map(Status::id).toList());
        List<Notification> shown = new ArrayList<>();
        List<Status> shownStatuses = new ArrayList<>();
        for (Notification n : found) {
            Status status = n.statusId() == null ? null : byId.get(n.statusId());
            boolean statusMissing = n.statusId() != null && (status == null || !visible.contains(status.id()));
            if (hidden.contains(n.fromAccountId()) || !actors.containsKey(n.fromAccountId()) || statusMissing
                    || actors.get(n.fromAccountId()).account().suspended()) {
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
