package app.omnia.social;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.domain.PostPolicy;
import app.omnia.social.domain.ReplyPolicy;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Interactions;
import app.omnia.social.persistence.Interactions.Kind;
import app.omnia.social.persistence.Pins;
import app.omnia.social.persistence.Statuses;

/** Favourites, bookmarks, reblogs and pins. Each is idempotent: doing it twice is doing it once. */
@Service
public class InteractionService {

    /** Mastodon's limit, also announced as configuration.accounts.max_pinned_statuses. */
    public static final int MAX_PINS = 5;

    private final StatusService statusService;
    private final Statuses statuses;
    private final Interactions interactions;
    private final Pins pins;
    private final NotificationService notifications;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Publication publication;

    InteractionService(StatusService statusService, Statuses statuses, Interactions interactions, Pins pins,
                       NotificationService notifications, IdGenerator ids, Clock clock,
                       ApplicationEventPublisher events, Publication publication) {
        this.events = events;
        this.publication = publication;
        this.pins = pins;
        this.notifications = notifications;
        this.statusService = statusService;
        this.statuses = statuses;
        this.interactions = interactions;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Status add(Viewer viewer, Kind kind, long statusId) {
        Status status = original(statusService.visible(viewer.accountId(), statusId));
        if (interactions.add(kind, ids.next(), viewer.accountId(), status.id(), clock.instant())
                && kind == Kind.FAVOURITE) {
            notifications.notify("favourite", status.accountId(), viewer.accountId(), status.id());
        }
        return status;
    }

    @Transactional
    public Status remove(Viewer viewer, Kind kind, long statusId) {
        Status status = original(statusService.visible(viewer.accountId(), statusId));
        interactions.remove(kind, viewer.accountId(), status.id());
        return status;
    }

    /** Reblogs the original (reblogging a reblog reblogs what it shares); returns the reblog. */
    @Transactional
    public Status reblog(Viewer viewer, long statusId) {
        Status original = original(statusService.visible(viewer.accountId(), statusId));
        if (!PostPolicy.canReblog(viewer.accountId(), original)) {
            throw ApiException.forbidden("This action is not allowed");
        }
        return statuses.findReblog(viewer.accountId(), original.id()).orElseGet(() -> {
            Status reblog = new Status(ids.next(), viewer.accountId(), "", "", "", false, original.visibility(), null,
                    null, null, original.id(), viewer.applicationId(), clock.instant(), null, ReplyPolicy.EVERYONE);
            statuses.insert(reblog, List.of(), List.of());
            // The reblog notification and StatusPublished, now or (a supervised account) once a reviewer approves.
            publication.publishOrHold(reblog, Set.of(), null);
            return reblog;
        });
    }

    @Transactional
    public Status unreblog(Viewer viewer, long statusId) {
        Status original = original(statusService.visible(viewer.accountId(), statusId));
        statuses.findReblog(viewer.accountId(), original.id()).ifPresent(reblog -> {
            statuses.delete(reblog.id());
            events.publishEvent(new StatusDeleted(reblog, List.of(), List.of()));
        });
        return original;
    }

    /** Pins one's own status to the profile; at most {@link #MAX_PINS}. */
    @Transactional
    public Status pin(Viewer viewer, long statusId) {
        Status status = statusService.visible(viewer.accountId(), statusId);
        if (!PostPolicy.canPin(viewer.accountId(), status)) {
            throw ApiException.unprocessable("Validation failed: you can only pin your own public, unlisted or "
                    + "private posts");
        }
        if (pins.count(viewer.accountId()) >= MAX_PINS) {
            throw ApiException.unprocessable("Validation failed: you have already pinned the maximum number of posts");
        }
        pins.add(ids.next(), viewer.accountId(), status.id(), clock.instant());
        return status;
    }

    @Transactional
    public Status unpin(Viewer viewer, long statusId) {
        Status status = statusService.visible(viewer.accountId(), statusId);
        pins.remove(viewer.accountId(), status.id());
        return status;
    }

    /** An account's pinned statuses that the viewer may see. */
    public List<Status> pinnedOf(Long viewerId, long accountId) {
        return statusService.visibleOnly(viewerId, pins.of(accountId));
    }

    public List<Interactions.Entry> whoFavourited(Long viewerId, long statusId, PageRequest page) {
        Status status = original(statusService.visible(viewerId, statusId));
        return interactions.byStatus(Kind.FAVOURITE, status.id(), page);
    }

    /** The viewer's own favourites or bookmarks that they can still see. */
    public List<Interactions.Entry> mine(Viewer viewer, Kind kind, PageRequest page) {
        return interactions.byAccount(kind, viewer.accountId(), page);
    }

    private Status original(Status status) {
        return status.isReblog() ? statuses.find(status.reblogOfId()).orElseThrow(ApiException::notFound) : status;
    }
}
