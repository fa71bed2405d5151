package app.omnia.social;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.persistence.Blocks;
import app.omnia.social.persistence.Notifications;
import app.omnia.social.persistence.Notifications.Notification;

/**
 * Notifications for mentions, follows, favourites, reblogs, edits of reblogged statuses and ended polls. They are
 * written in the transaction of the action that causes them (same module, so no event is needed), once per
 * action, and never to oneself or across a block.
 */
@Service
public class NotificationService {

    /** Mastodon's type names for what this module notifies today. */
    public static final Set<String> TYPES = Set.of("mention", "status", "reblog", "follow", "follow_request",
            "favourite", "poll", "update", "quote");

    private final Notifications notifications;
    private final Blocks blocks;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    NotificationService(Notifications notifications, Blocks blocks, IdGenerator ids, Clock clock,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.notifications = notifications;
        this.blocks = blocks;
        this.ids = ids;
        this.clock = clock;
    }

    void notify(String type, long recipient, long actor, Long statusId) {
        if (recipient == actor || blocks.eitherWay(recipient, actor)) {
            return;
        }
        long id = ids.next();
        if (notifications.add(id, recipient, type, actor, statusId, clock.instant())) {
            events.publishEvent(new NotificationAdded(id, recipient));
        }
    }

    void notifyAll(String type, Collection<Long> recipients, long actor, Long statusId) {
        recipients.forEach(recipient -> notify(type, recipient, actor, statusId));
    }

    /**
     * A poll ended: its author and everyone who voted hear of it, once. The author's notification comes from
     * themselves (Mastodon's shape: the account is the poll's owner), so it skips the never-to-oneself rule.
     */
    void pollEnded(long author, Collection<Long> voters, long statusId) {
        notifications.add(ids.next(), author, "poll", author, statusId, clock.instant());
        notifyAll("poll", voters, author, statusId);
    }

    public List<Notification> page(long accountId, List<String> types, List<String> excludeTypes, Long fromAccount,
                                   PageRequest page) {
        for (String type : types) {
            requireKnown("types", type);
        }
        for (String type : excludeTypes) {
            requireKnown("exclude_types", type);
        }
        return notifications.page(accountId, types, excludeTypes, fromAccount, page);
    }

    public Notification get(long accountId, long id) {
        return notifications.find(accountId, id).orElseThrow(ApiException::notFound);
    }

    @Transactional
    public void dismiss(long accountId, long id) {
        if (!notifications.dismiss(accountId, id)) {
            throw ApiException.notFound();
        }
    }

    @Transactional
    public void clear(long accountId) {
        notifications.clear(accountId);
    }

    private static void requireKnown(String field, String type) {
        if (!TYPES.contains(type)) {
            throw ApiException.validation(field, "ERR_INCLUSION", field + " contains an unknown type: " + type);
        }
    }
}
