package app.omnia.social;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.Standing;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.HeldEdits;
import app.omnia.social.persistence.MediaAttachments;
import app.omnia.social.persistence.ModerationMarks;
import app.omnia.social.persistence.StatusCardCache;
import app.omnia.social.persistence.Statuses;
import tools.jackson.databind.json.JsonMapper;

/**
 * What makes a new status reach people: mention, quote and bell notifications (for a reblog: the original's
 * author is told), then {@link StatusPublished} (fan-out to home timelines, streaming). A supervised account's
 * status (reblogs, replies, quotes, polls and scheduled ones alike) skips all of it and waits for review
 * ({@link StatusHeldForReview}); when approved, the same announcement happens then. An edit of a supervised
 * account's published status waits too ({@link EditHeldForReview}), the published version staying meanwhile.
 */
@Component
class Publication {

    private final NotificationService notifications;
    private final Follows follows;
    private final Statuses statuses;
    private final ModerationMarks marks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HeldEdits heldEdits;
    private final MediaAttachments media;
    private final IdGenerator ids;
    private final JsonMapper json;
    private final Standings standings;
    private final StatusCardCache cards;

    Publication(NotificationService notifications, Follows follows, Statuses statuses, ModerationMarks marks,
                ApplicationEventPublisher events, Clock clock, HeldEdits heldEdits, MediaAttachments media,
                IdGenerator ids, JsonMapper json, Standings standings, StatusCardCache cards) {
        this.standings = standings;
        this.cards = cards;
        this.heldEdits = heldEdits;
        this.media = media;
        this.ids = ids;
        this.json = json;
        this.notifications = notifications;
        this.follows = follows;
        this.statuses = statuses;
        this.marks = marks;
        this.events = events;
        this.clock = clock;
    }

    /** Announces a new status, or holds it for review when its author is supervised. */
    void publishOrHold(Status status, Set<Long> mentioned, Long quotedAccountId) {
        if (supervised(status.accountId())) {
            marks.add("status", status.id(), Standing.PENDING, clock.instant());
            events.publishEvent(new StatusHeldForReview(status.id(), status.accountId(), status.createdAt()));
            return;
        }
        announce(status, mentioned, quotedAccountId);
    }

    /** From the marks cache, as every read path has it (a change of marks evicts it on every copy). */
    private boolean supervised(long accountId) {
        return marks.ofAccountsCached(List.of(accountId)).getOrDefault(accountId, Set.of()).contains(Standing.SUPERVISED);
    }

    /**
     * Whether an edit of this status must wait for review: its author is supervised and it is published (a
     * status still waiting, or rejected, is simply edited: nobody else sees it, the reviewer reads the latest).
     */
    boolean holdsEdit(Status status) {
        return supervised(status.accountId())
                && standings.of(status).reviewState() == null;
    }

    /**
     * Keeps an edit of a published status for review: the published version stays, the new uploads are kept
     * for it. One edit waits at a time: another is refused until it is decided, so that a reviewer never
     * approves a text they did not read.
     */
    void holdEdit(Status status, NewStatus request, List<Long> newMedia) {
        if (!heldEdits.pendingAmong(List.of(status.id())).isEmpty()) {
            throw ApiException.conflict("An edit of this status is already waiting for review");
        }
        long editId = ids.next();
        java.time.Instant now = clock.instant();
        heldEdits.insert(new HeldEdits.HeldEdit(editId, status.id(), status.accountId(),
                json.writeValueAsString(request), HeldEdits.PENDING, now));
        media.keepForHeldEdit(status.accountId(), newMedia, status.id());
        events.publishEvent(new EditHeldForReview(editId, status.id(), status.accountId(), now));
    }

    /** Publishes a held status; false when it was not waiting (already published, rejected or gone). */
    boolean publishHeld(long statusId) {
        var status = statuses.find(statusId);
        if (status.isEmpty() || !marks.remove("status", statusId, Standing.PENDING)) {
            return false;
        }
        marks.remove("status", statusId, Standing.REJECTED);
        Status s = status.get();
        // The statuses it replies to, boosts or quotes count it from now on.
        cards.invalidate(java.util.Arrays.asList(s.inReplyToId(), s.reblogOfId(), s.quotedStatusId()).stream()
                .filter(java.util.Objects::nonNull).toList());
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
        if (status.isReblog()) {
            statuses.find(status.reblogOfId()).ifPresent(original ->
                    notifications.notify("reblog", original.accountId(), status.accountId(), original.id()));
            events.publishEvent(new StatusPublished(status.id(), status.accountId(), status.reblogOfId()));
            return;
        }
        notifications.notifyAll("mention", mentioned, status.accountId(), status.id());
        if (quotedAccountId != null && !mentioned.contains(quotedAccountId)) {
            notifications.notify("quote", quotedAccountId, status.accountId(), status.id());
        }
        ringFollowers(status, mentioned);
        events.publishEvent(new StatusPublished(status.id(), status.accountId(), status.reblogOfId()));
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
