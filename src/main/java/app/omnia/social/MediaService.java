package app.omnia.social;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.media.ImageProcessor;
import app.omnia.platform.media.MediaStore;
import app.omnia.platform.media.ProcessedImage;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.FocalPoint;
import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.MediaPolicy;
import app.omnia.social.persistence.MediaAttachments;

/**
 * Media attachments: upload (decoded and re-encoded by the platform's {@link ImageProcessor}), describe,
 * delete, and the rules a status follows to take them. Every access by id goes through {@link MediaPolicy}.
 */
@Service
public class MediaService {

    /** Mastodon's limits: attachments per status and characters of a description. */
    public static final int MAX_PER_STATUS = 4;
    static final int MAX_DESCRIPTION = 1500;
    /** Uploads no status took within a day are abandoned (Mastodon keeps them as long). */
    public static final Duration UNATTACHED_RETENTION = Duration.ofHours(24);

    private final MediaAttachments media;
    private final ImageProcessor images;
    private final MediaStore store;
    private final RateLimits rateLimits;
    private final IdGenerator ids;
    private final Clock clock;

    MediaService(MediaAttachments media, ImageProcessor images, MediaStore store, RateLimits rateLimits,
                 IdGenerator ids, Clock clock) {
        this.media = media;
        this.images = images;
        this.store = store;
        this.rateLimits = rateLimits;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores an uploaded image. Description and focus are checked before the image is decoded, so a request
     * that would be refused anyway costs no decoding.
     *
     * @param declaredType the Content-Type of the multipart part, which must match the bytes
     */
    public MediaAttachment upload(Viewer viewer, byte[] file, String declaredType, Optional<String> description,
                                  Optional<String> focus) {
        rateLimits.hit(RateLimits.Name.MEDIA_UPLOADS_PER_ACCOUNT, String.valueOf(viewer.accountId()));
        String text = checkedDescription(description.orElse(null));
        FocalPoint point = checkedFocus(focus.orElse(null));
        ProcessedImage image = images.storeAttachment(file, declaredType, "file");
        MediaAttachment attachment = new MediaAttachment(ids.next(), viewer.accountId(), null, null, "image",
                image.original().fileName(), image.preview().fileName(), image.original().contentType(),
                image.original().width(), image.original().height(), image.preview().width(),
                image.preview().height(), image.fileSize(), image.blurhash(), text, point, clock.instant());
        media.insert(attachment);
        return attachment;
    }

    /** One's own upload; anyone else's id is a 404, as if it did not exist. */
    public MediaAttachment own(Viewer viewer, long id) {
        MediaAttachment found = media.find(id).orElseThrow(ApiException::notFound);
        if (!MediaPolicy.canView(viewer.accountId(), found)) {
            throw ApiException.notFound();
        }
        return found;
    }

    /** Changes description and/or focus; a parameter left out keeps its value, an empty one clears it. */
    @Transactional
    public MediaAttachment update(Viewer viewer, long id, Optional<String> description, Optional<String> focus) {
        MediaAttachment found = own(viewer, id);
        if (!MediaPolicy.canUpdate(viewer.accountId(), found)) {
            throw ApiException.validation("id", "ERR_INVALID",
                    "This media is attached to a status: edit the status instead");
        }
        String text = description.isPresent() ? checkedDescription(description.get()) : found.description();
        FocalPoint point = focus.isPresent() ? checkedFocus(focus.get()) : found.focus();
        media.describe(id, text, point);
        return media.find(id).orElseThrow(ApiException::notFound);
    }

    /** Deletes one's own upload that no status uses, with its files. */
    @Transactional
    public void delete(Viewer viewer, long id) {
        MediaAttachment found = own(viewer, id);
        if (!MediaPolicy.canDelete(viewer.accountId(), found)) {
            // Mastodon's answer too: media in use is removed by deleting or editing the status.
            throw ApiException.unprocessable("Media attachment is currently used by a status");
        }
        media.delete(id);
        removeFilesAfterCommit(List.of(found));
    }

    /**
     * The uploads a status (new, or being edited) may take: at most four of the poster's own, each free or
     * already on this status. Every refusal is a 422 naming {@code media_ids}.
     *
     * @param statusId the status being edited, or null for a new one
     * @return the ids in the order given (a repeated id counts once)
     */
    List<Long> attachable(long accountId, List<String> requested, Long statusId) {
        List<String> given = requested == null ? List.of()
                : requested.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
        if (given.size() > MAX_PER_STATUS) {
            throw ApiException.validation("media_ids", "ERR_TOO_LONG",
                    "media_ids has too many attachments (maximum is " + MAX_PER_STATUS + ")");
        }
        LinkedHashSet<Long> parsed = new LinkedHashSet<>();
        for (String id : given) {
            try {
                parsed.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw unknownMedia();
            }
        }
        Map<Long, MediaAttachment> found = media.findAll(parsed);
        for (long id : parsed) {
            MediaAttachment m = found.get(id);
            // Someone else's upload is reported exactly like a missing one: ids reveal nothing.
            if (m == null || !MediaPolicy.canView(accountId, m)) {
                throw unknownMedia();
            }
            if (!MediaPolicy.canAttach(accountId, m, statusId)) {
                throw ApiException.validation("media_ids", "ERR_TAKEN",
                        "media_ids names an attachment already used by another status");
            }
        }
        return new ArrayList<>(parsed);
    }

    /** Checks the uploads a status scheduled for later will take, and keeps them for it. */
    public void reserveForScheduled(long accountId, List<String> requested, long scheduledStatusId) {
        media.reserve(accountId, attachable(accountId, requested, null), scheduledStatusId);
    }

    /** Inside the status's transaction: the checked uploads become what it shows, or the whole write fails. */
    void attach(long accountId, long statusId, List<Long> mediaIds) {
        if (!media.attach(accountId, statusId, mediaIds)) {
            // Another status took one of them between the check and now.
            throw ApiException.validation("media_ids", "ERR_TAKEN",
                    "media_ids names an attachment already used by another status");
        }
    }

    /** What each status shows, in order (one query for all). */
    public Map<Long, List<MediaAttachment>> shownOn(Collection<Long> statusIds) {
        return media.shownOn(statusIds);
    }

    /** The ids a status shows now, in order. */
    List<Long> idsShownOn(long statusId) {
        return media.shownOn(List.of(statusId)).getOrDefault(statusId, List.of()).stream()
                .map(MediaAttachment::id).toList();
    }

    /** Several by id, whatever they are attached to (for edit history, whose versions name their media). */
    public Map<Long, MediaAttachment> byIds(Collection<Long> mediaIds) {
        return media.findAll(mediaIds);
    }

    /** Inside the status's deletion: its attachments' rows go with it, their files once the deletion commits. */
    void deleteWithStatus(long statusId) {
        List<MediaAttachment> linked = media.linkedTo(statusId);
        media.deleteLinkedTo(statusId);
        removeFilesAfterCommit(linked);
    }

    /** Removes uploads that stayed unattached past the retention (rows and files); returns how many. */
    public int purgeUnattached() {
        int purged = 0;
        List<MediaAttachment> batch;
        do {
            batch = media.unattachedBefore(clock.instant().minus(UNATTACHED_RETENTION), 500);
            for (MediaAttachment m : batch) {
                // Re-checked in the DELETE: a status may take the upload while the purge runs.
                if (media.deleteIfUnattached(m.id())) {
                    removeFiles(m);
                    purged++;
                }
            }
        } while (batch.size() == 500);
        return purged;
    }

    /** Files go once the rows are gone for good (see {@link MediaStore#deleteAfterCommit}). */
    private void removeFilesAfterCommit(List<MediaAttachment> removed) {
        store.deleteAfterCommit(removed.stream()
                .flatMap(m -> java.util.stream.Stream.of(m.fileName(), m.previewFileName())).toList());
    }

    private void removeFiles(MediaAttachment m) {
        store.delete(m.fileName());
        store.delete(m.previewFileName());
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        // Counted in UTF-16 units, as H2 counts VARCHAR length: never more than the column holds.
        if (description.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description", "ERR_TOO_LONG",
                    "description is too long (maximum is " + MAX_DESCRIPTION + " characters)");
        }
        return description;
    }

    private static FocalPoint checkedFocus(String focus) {
        if (focus == null || focus.isBlank()) {
            return null;
        }
        return FocalPoint.parse(focus).orElseThrow(() -> ApiException.validation("focus", "ERR_INVALID",
                "focus must be two numbers from -1.0 to 1.0, like 0.5,-0.25"));
    }

    private static ApiException unknownMedia() {
        return ApiException.validation("media_ids", "ERR_INVALID", "media_ids names an attachment that does not exist");
    }
}
