package app.omnia.social;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.omnia.social.domain.Standing;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.ModerationMarks;
import app.omnia.social.persistence.Statuses;

/**
 * What makes a new status reach people: mention, quote and bell notifications, then {@link StatusPublished}
 * (fan-out to home timelines, streaming). A supervised account's status skips all of it and waits for review
 * ({@link StatusHeldForReview}); when approved, the same announcement happens then.
 */
@Component
class Publication {

    private final NotificationService notifications;
    private final Follows follows;
    private final Statuses statuses;
    private final ModerationMarks marks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publication(NotificationService notifications, Follows follows, Statuses statuses, ModerationMarks marks,
                ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.follows = follows;
        this.statuses = statuses;
        this.marks = marks;
        this.events = events;
        this.clock = clock;
    }

    /** Announces a new status, or holds it for review when its author is supervised. */
    void publishOrHold(Status status, Set<Long> mentioned, Long quotedAccountId) {
        if (marks.ofAccounts(List.of(status.accountId())).getOrDefault(status.accountId(), Set.of())
                .contains(Standing.SUPERVISED)) {
            marks.add("status", status.id(), Standing.PENDING, clock.instant());
            events.publishEvent(new StatusHeldForReview(status.id(), status.accountId(), status.createdAt()));
            return;
        }
        announce(status, mentioned, quotedAccountId);
    }

    /** Publishes a held status; false when it was not waiting (already published, rejected or gone). */
    boolean publishHeld(long statusId) {
        var status = statuses.find(statusId);
        if (status.isEmpty() || !marks.remove("status", statusId, Standing.PENDING)) {
            return false;
        }
        marks.remove("status", statusId, Standing.REJECTED);
        Status s = status.get();
        Set<Long> mentioned = Set.copyOf(statuses.mentions(List.of(statusId)).getOrDefault(statusId, List.of()));
        Long quotedAccount = s.quotedStatusId() == null ? null
                : statuses.find(s.quotedStatusId()).map(Status::accountId).orElse(null);
        announce(s, mentioned, quotedAccount);
        return true;
    }

    /** A held status the reviewer did not approve: it stays its author's only, with a notice. */
    boolean rejectHeld(long statusId) {
        if (!marks.remove("status", statusId, Standing.PENDING)) {
            return false;
        }
        marks.add("status", statusId, Standing.REJECTED, clock.instant());
        return true;
    }

    private void announce(Status status, Set<Long> mentioned, Long quotedAccountId) {
        notifications.notifyAll("mention", mentioned, status.accountId(), status.id());
        if (quotedAccountId != null && !mentioned.contains(quotedAccountId)) {
            notifications.notify("quote", quotedAccountId, status.accountId(), status.id());
        }
        ringFollowers(status, mentioned);
        events.publishEvent(new StatusPublished(status.id()));
    }

    /**
     * Followers who rang the bell get a {@code status} notification for a new post, as Mastodon does: not for
     * direct messages, nor replies to others; not twice for someone already mentioned; only if they may see it.
     */
    private void ringFollowers(Status status, Set<Long> mentioned) {
        boolean replyToOther = status.inReplyToAccountId() != null && status.inReplyToAccountId() != status.accountId();
        if (status.visibility() == Visibility.DIRECT || replyToOther) {
            return;
        }
        List<Long> ringing = follows.notifiedFollowers(status.accountId()).stream()
                .filter(id -> !mentioned.contains(id)).toList();
        notifications.notifyAll("status", ringing, status.accountId(), status.id());
    }
}
