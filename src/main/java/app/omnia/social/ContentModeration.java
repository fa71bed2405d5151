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
import app.omnia.social.persistence.ModerationMarks;
import app.omnia.social.persistence.Statuses;

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

    ContentModeration(StatusService statuses, Statuses stored, MediaService media, ModerationMarks marks,
                      Publication publication, Clock clock) {
        this.publication = publication;
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
