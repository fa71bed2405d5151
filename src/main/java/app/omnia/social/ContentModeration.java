package app.omnia.social;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.Standing;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.HeldEdits;
import app.omnia.social.persistence.ModerationMarks;
import app.omnia.social.persistence.Statuses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Social's API for the moderation module: what may be reported, and the marks moderation puts on statuses,
 * media and accounts (social's read paths filter on them; social knows nothing of reports or moderators).
 */
@Service
public class ContentModeration {

    /** What a mark is on. */
    public enum Subject {
        STATUS, MEDIA, ACCOUNT;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A status someone may report: its author, when it was written, whether it shows media. */
    public record ReportableStatus(long id, long accountId, Instant createdAt, boolean showsMedia) {}

    /** A media attachment someone may report, with the status that shows it. */
    public record ReportableMedia(long id, long statusId, long accountId, Instant createdAt) {}

    private final StatusService statuses;
    private final Statuses stored;
    private final MediaService media;
    private final ModerationMarks marks;
    private final Clock clock;

    private final Publication publication;
    private final HeldEdits heldEdits;
    private final JsonMapper json;

    ContentModeration(StatusService statuses, Statuses stored, MediaService media, ModerationMarks marks,
                      Publication publication, HeldEdits heldEdits, JsonMapper json, Clock clock) {
        this.publication = publication;
        this.heldEdits = heldEdits;
        this.json = json;
        this.statuses = statuses;
        this.stored = stored;
        this.media = media;
        this.marks = marks;
        this.clock = clock;
    }

    /** A status the reporter can see (404 otherwise, as if it did not exist). */
    public ReportableStatus reportableStatus(long reporterId, long statusId) {
        Status status = statuses.visible(reporterId, statusId);
        return new ReportableStatus(status.id(), status.accountId(), status.createdAt(),
                !media.shownOn(List.of(status.id())).getOrDefault(status.id(), List.of()).isEmpty());
    }

    /** A media attachment shown on a status the reporter can see (404 otherwise). */
    public ReportableMedia reportableMedia(long reporterId, long mediaId) {
        long[] placement = marks.mediaPlacement(mediaId).orElseThrow(ApiException::notFound);
        Status status = statuses.visible(reporterId, placement[0]);
        return new ReportableMedia(mediaId, status.id(), placement[1], status.createdAt());
    }

    /** A status as stored, whoever may see it (for moderators), or empty when it is gone. */
    public Optional<ReportableStatus> status(long statusId) {
        return stored.find(statusId).map(s -> new ReportableStatus(s.id(), s.accountId(), s.createdAt(),
                !media.shownOn(List.of(s.id())).getOrDefault(s.id(), List.of()).isEmpty()));
    }

    /** The status showing a media attachment, whoever may see it (for moderators), or empty. */
    public Optional<ReportableStatus> mediaStatus(long mediaId) {
        return marks.mediaPlacement(mediaId).flatMap(placement -> status(placement[0]));
    }

    /** Puts a mark ({@code hidden}, {@code removed}, {@code limited}, {@code sensitive}); true if it was new. */
    @Transactional
    public boolean mark(Subject subject, long id, String state) {
        return marks.add(subject.key(), id, requireState(state), clock.instant());
    }

    @Transactional
    public boolean unmark(Subject subject, long id, String state) {
        return marks.remove(subject.key(), id, requireState(state));
    }

    /**
     * Publishes a supervised account's status held for review: from now on everyone who may see it does, and
     * mentions, fan-out and streaming happen now (its creation time stays). False if it was not waiting.
     */
    @Transactional
    public boolean publishHeld(long statusId) {
        return publication.publishHeld(statusId);
    }

    /** Keeps a held status unpublished for good (its author sees it with a notice). False if it was not waiting. */
    @Transactional
    public boolean rejectHeld(long statusId) {
        return publication.rejectHeld(statusId);
    }

    /**
     * Applies a supervised account's edit held for review, as its author asked for it and dated when they did:
     * the new version replaces the published one everywhere (streamed as {@code status.update}). False if it was
     * not waiting or its status is gone; a 422 if it no longer passes the checks (an upload gone meanwhile).
     */
    @Transactional
    public boolean publishHeldEdit(long editId) {
        return applyHeldEdit(editId, HeldEdits.PENDING);
    }

    /** A rejected edit whose rejection was reversed on appeal: applied after all. False if it was not rejected. */
    @Transactional
    public boolean publishHeldEditAfterAppeal(long editId) {
        return applyHeldEdit(editId, HeldEdits.REJECTED);
    }

    private boolean applyHeldEdit(long editId, String from) {
        Optional<HeldEdits.HeldEdit> held = heldEdits.find(editId);
        if (held.isEmpty() || !heldEdits.decide(editId, from, HeldEdits.APPROVED)) {
            return false;
        }
        HeldEdits.HeldEdit edit = held.get();
        return statuses.applyHeldEdit(edit.statusId(), edit.accountId(),
                json.readValue(edit.params(), NewStatus.class), edit.createdAt());
    }

    /** A held edit as its author asked for it, whatever its state. */
    public Optional<NewStatus> heldEdit(long editId) {
        return heldEdits.find(editId).map(e -> json.readValue(e.params(), NewStatus.class));
    }

    /** Drops a held edit: the published version stays. False if it was not waiting. */
    @Transactional
    public boolean rejectHeldEdit(long editId) {
        return heldEdits.decide(editId, HeldEdits.PENDING, HeldEdits.REJECTED);
    }

    /** The marks on an account ({@code limited}, {@code sensitive}). */
    public java.util.Set<String> accountMarks(long accountId) {
        return marks.ofAccounts(List.of(accountId)).getOrDefault(accountId, java.util.Set.of());
    }

    /** Follows among these accounts, as (follower, followed) pairs. */
    public List<long[]> followsAmong(Collection<Long> accountIds) {
        return marks.followsAmong(accountIds);
    }

    private static String requireState(String state) {
        if (!Standing.STATES.contains(state)) {
            throw new IllegalArgumentException("Unknown moderation state " + state);
        }
        return state;
    }
}
