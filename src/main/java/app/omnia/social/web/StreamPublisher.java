package app.omnia.social.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import app.omnia.social.NotificationAdded;
import app.omnia.social.StatusDeleted;
import app.omnia.social.StatusEdited;
import app.omnia.social.StatusPublished;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.FollowedTags;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Notifications;
import app.omnia.social.persistence.Statuses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes what happened to the streaming sockets once it is committed: {@code update}, {@code status.update}
 * and {@code delete} to the channels a status reaches (the same rules as the REST timelines: the author's
 * and followers' homes, direct messages to those mentioned, public and hashtag streams for public posts,
 * homes of those following its hashtags), {@code conversation} to the direct stream, and
 * {@code notification} to the recipient. The status JSON is rendered once, without a viewer, as Mastodon does,
 * plus once more for minors when it shows sensitive media (they get it without, as on the REST read paths);
 * notifications are rendered for their recipient, so a minor's come without it already.
 */
@Component
class StreamPublisher {

    private final Statuses statuses;
    private final Follows follows;
    private final FollowedTags followedTags;
    private final Notifications notifications;
    private final StatusJsons statusJson;
    private final NotificationJsons notificationJson;
    private final AccountService accounts;
    private final Links links;
    private final StreamBus bus;
    private final JsonMapper json;
    private final app.omnia.social.Standings standings;

    StreamPublisher(Statuses statuses, Follows follows, FollowedTags followedTags, Notifications notifications,
                    StatusJsons statusJson, NotificationJsons notificationJson, AccountService accounts, Links links,
                    StreamBus bus, JsonMapper json, app.omnia.social.Standings standings) {
        this.standings = standings;
        this.statuses = statuses;
        this.follows = follows;
        this.followedTags = followedTags;
        this.notifications = notifications;
        this.statusJson = statusJson;
        this.notificationJson = notificationJson;
        this.accounts = accounts;
        this.links = links;
        this.bus = bus;
        this.json = json;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusPublished published) {
        statuses.find(published.statusId()).ifPresent(status -> push(status, "update"));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusEdited edited) {
        statuses.find(edited.statusId()).ifPresent(status -> push(status, "status.update"));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StatusDeleted deleted) {
        Status status = deleted.status();
        Set<Long> involved = involved(status, deleted.mentioned(), null);
        for (String channel : channels(status, deleted.mentioned(), deleted.tags(), bus.online())) {
            bus.publish(new StreamEvent(channel, "delete", String.valueOf(status.id()), involved));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(NotificationAdded added) {
        notifications.find(added.recipient(), added.notificationId()).ifPresent(notification -> {
            // Rendering applies the recipient's blocks and notification mutes: nothing left means nothing to send.
            List<Map<String, Object>> rendered = notificationJson.render(List.of(notification), added.recipient());
            if (!rendered.isEmpty()) {
                bus.publish(new StreamEvent(StreamEvent.notifications(added.recipient()), "notification",
                        json.writeValueAsString(rendered.getFirst()), Set.of()));
            }
        });
    }

    private void push(Status status, String event) {
        // Every socket needs a token, so its account counts as online: with none online, nobody could hear it.
        Set<Long> online = bus.online();
        if (online.isEmpty()) {
            return;
        }
        if (!reachesOthers(status)) {
            return; // waiting for review, rejected, held or removed: nothing goes out to anyone's socket
        }
        StatusJson rendered = statusJson.forAudience(status, false);
        // Minors see sensitive statuses without their media: a second rendering, only when it would differ.
        StatusJson forMinors = StatusJsons.showsSensitiveMedia(rendered) ? statusJson.forAudience(status, true) : null;
        // The rendering has just loaded the mentions and tags: read them from it rather than query again.
        List<Long> mentioned = rendered.shared().mentions().stream().map(m -> Long.parseLong(m.id())).toList();
        List<String> tags = rendered.shared().tags().stream().map(StatusJson.TagJson::name).toList();
        String payload = json.writeValueAsString(rendered);
        String payloadForMinors = forMinors == null ? null : json.writeValueAsString(forMinors);
        Set<Long> involved = involved(status, mentioned, rendered);
        for (String channel : channels(status, mentioned, tags, online)) {
            bus.publish(new StreamEvent(channel, event, payload, involved, payloadForMinors));
        }
        if (status.visibility() == Visibility.DIRECT && "update".equals(event)) {
            conversation(status, mentioned, rendered, forMinors, involved);
        }
    }

    /** Whether anyone but the author may list this status (and, for a reblog, its original). */
    private boolean reachesOthers(Status status) {
        boolean own = standings.of(status).listable(null, status.accountId());
        if (!own || !status.isReblog()) {
            return own;
        }
        return statuses.find(status.reblogOfId())
                .map(original -> standings.of(original).listable(null, original.accountId())).orElse(false);
    }

    /** Mastodon's direct stream carries Conversation entities: the other participants and the last status. */
    private void conversation(Status status, List<Long> mentioned, StatusJson rendered, StatusJson forMinors,
                              Set<Long> involved) {
        Set<Long> participants = new LinkedHashSet<>(mentioned);
        participants.add(status.accountId());
        var views = accounts.views(participants);
        for (long recipient : participants) {
            List<AccountJson> others = new ArrayList<>();
            participants.stream().filter(id -> id != recipient && views.containsKey(id))
                    .forEach(id -> others.add(AccountJson.of(views.get(id), links)));
            Map<String, Object> conversation = new LinkedHashMap<>();
            conversation.put("id", String.valueOf(status.inReplyToId() == null ? status.id() : status.inReplyToId()));
            conversation.put("unread", recipient != status.accountId());
            conversation.put("accounts", others);
            conversation.put("last_status", rendered);
            String payload = json.writeValueAsString(conversation);
            String payloadForMinors = null;
            if (forMinors != null) {
                conversation.put("last_status", forMinors);
                payloadForMinors = json.writeValueAsString(conversation);
            }
            bus.publish(new StreamEvent(StreamEvent.direct(recipient), "conversation", payload, involved,
                    payloadForMinors));
        }
    }

    /** The channels a status reaches: the same audience as the REST timelines would show it to. */
    private Set<String> channels(Status status, List<Long> mentioned, List<String> tags, Set<Long> online) {
        Set<String> channels = new LinkedHashSet<>();
        channels.add(StreamEvent.timeline(status.accountId()));
        if (status.visibility() == Visibility.DIRECT) {
            mentioned.forEach(id -> channels.add(StreamEvent.timeline(id)));
            return channels;
        }
        // Only followers with a socket open somewhere: a post costs its online audience, not its whole audience.
        Set<Long> listening = online.isEmpty() ? Set.of() : status.isReblog()
                ? follows.followersShowingReblogs(status.accountId(), online)
                : follows.followers(status.accountId(), online);
        listening.forEach(id -> channels.add(StreamEvent.timeline(id)));
        if (status.visibility() == Visibility.PUBLIC && !status.isReblog()) {
            channels.add(StreamEvent.PUBLIC);
            tags.forEach(tag -> channels.add(StreamEvent.hashtag(tag)));
            followedTags.followersOfAny(tags).stream().filter(online::contains)
                    .forEach(id -> channels.add(StreamEvent.timeline(id)));
        }
        return channels;
    }

    /** Whoever the event shows, so that a listener who blocked or muted one of them is spared it. */
    private Set<Long> involved(Status status, List<Long> mentioned, StatusJson rendered) {
        Set<Long> involved = new HashSet<>(mentioned);
        involved.add(status.accountId());
        if (rendered != null && rendered.viewer().reblog() != null) {
            involved.add(Long.parseLong(rendered.viewer().reblog().shared().account().id()));
        }
        return involved;
    }
}
