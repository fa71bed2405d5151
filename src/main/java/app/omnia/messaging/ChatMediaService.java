package app.omnia.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import app.omnia.messaging.domain.Attachment;
import app.omnia.messaging.persistence.ChatMedia;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.media.ImageProcessor;
import app.omnia.platform.media.MediaStore;
import app.omnia.platform.media.ProcessedImage;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;

/**
 * Chat images. Uploaded through {@code POST /chat/media} and processed by the platform's
 * {@link ImageProcessor} (decoded, re-encoded, metadata dropped) into the platform's {@link MediaStore},
 * like status media, but kept in chat's own table: a private chat picture must never show up in social's
 * media API, and one upload goes to one message (or one group avatar) only.
 */
@Service
public class ChatMediaService {

    public static final int MAX_DESCRIPTION = 1500;
    /** Uploads no message took within a day are abandoned, as for status media. */
    public static final Duration FREE_RETENTION = Duration.ofHours(24);

    private final ChatMedia media;
    private final ImageProcessor images;
    private final MediaStore store;
    private final RateLimits rateLimits;
    private final IdGenerator ids;
    private final Clock clock;

    ChatMediaService(ChatMedia media, ImageProcessor images, MediaStore store, RateLimits rateLimits, IdGenerator ids,
                     Clock clock) {
        this.media = media;
        this.images = images;
        this.store = store;
        this.rateLimits = rateLimits;
        this.ids = ids;
        this.clock = clock;
    }

    public ChatMediaJson upload(long me, byte[] file, String declaredType, String description) {
        rateLimits.hit(RateLimits.Name.MEDIA_UPLOADS_PER_ACCOUNT, String.valueOf(me));
        String text = description == null || description.isBlank() ? null : description;
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description", "ERR_TOO_LONG",
                    "description is too long (maximum is " + MAX_DESCRIPTION + " characters)");
        }
        ProcessedImage image = images.storeAttachment(file, declaredType, "file");
        Attachment a = new Attachment(ids.next(), me, null, null, null, image.original().fileName(),
                image.preview().fileName(), image.original().contentType(), image.original().width(),
                image.original().height(), image.preview().width(), image.preview().height(), image.fileSize(),
                image.blurhash(), text, clock.instant());
        media.insert(a);
        return json(a);
    }

    /**
     * Parses {@code media_ids}: each must be one of the sender's own free uploads (another person's is reported
     * as missing: ids reveal nothing). Counted by the caller against the per-message maximum.
     */
    List<Long> parse(List<String> requested) {
        LinkedHashSet<Long> parsed = new LinkedHashSet<>();
        for (String id : requested) {
            if (id == null || id.isBlank()) {
                continue;
            }
            try {
                parsed.add(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw unknown();
            }
        }
        return new ArrayList<>(parsed);
    }

    void requireFree(long me, List<Long> mediaIds) {
        Map<Long, Attachment> found = media.findAll(mediaIds);
        for (long id : mediaIds) {
            Attachment a = found.get(id);
            if (a == null || a.accountId() != me) {
                throw unknown();
            }
            if (a.used()) {
                throw taken();
            }
        }
    }

    /** Inside the message's transaction: the uploads become the message's, or the whole send fails. */
    void attach(long me, long conversationId, long messageId, List<Long> mediaIds) {
        if (!mediaIds.isEmpty() && !media.attach(me, conversationId, messageId, mediaIds)) {
            throw taken();
        }
    }

    /** One free upload of the caller's becomes a group's avatar ({@code field} names it in errors). */
    void useAsAvatar(long me, long conversationId, String mediaId, String field) {
        long id;
        try {
            id = Long.parseLong(mediaId == null ? "" : mediaId.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, "ERR_INVALID", field + " names an upload that does not exist");
        }
        Attachment a = media.find(id).filter(found -> found.accountId() == me).orElseThrow(() ->
                ApiException.validation(field, "ERR_INVALID", field + " names an upload that does not exist"));
        if (a.used() || !media.useAsAvatar(me, conversationId, id)) {
            throw ApiException.validation(field, "ERR_TAKEN", field + " names an upload already used");
        }
    }

    Map<Long, List<Attachment>> shownOn(Collection<Long> messageIds) {
        return media.shownOn(messageIds);
    }

    String url(long mediaId) {
        return media.find(mediaId).map(a -> store.url(a.fileName())).orElse(null);
    }

    /** The URL of each upload, by id (one query for a page of conversations' avatars). */
    Map<Long, String> urls(Collection<Long> mediaIds) {
        Map<Long, String> urls = new java.util.HashMap<>();
        media.findAll(mediaIds).forEach((id, a) -> urls.put(id, store.url(a.fileName())));
        return urls;
    }

    ChatMediaJson json(Attachment a) {
        return ChatMediaJson.of(a, store);
    }

    /**
     * A message deleted for everyone loses its images: rows now, files once the deletion commits, except the
     * originals a report keeps as evidence (see {@link #holdAsEvidence}).
     */
    void deleteShownOn(long messageId) {
        store.deleteAfterCommit(media.deleteShownOn(messageId));
    }

    /**
     * In a report's transaction: the message's images are kept as evidence even if it is deleted for everyone;
     * answers the names of their original files in the {@link MediaStore}, in order.
     */
    List<String> holdAsEvidence(long messageId) {
        media.holdShownOn(messageId);
        return shownOn(List.of(messageId)).getOrDefault(messageId, List.of()).stream().map(Attachment::fileName)
                .toList();
    }

    /** An avatar replaced or removed: its row now, its files after commit. */
    void deleteAvatar(Long mediaId) {
        if (mediaId != null) {
            media.find(mediaId).ifPresent(a -> {
                media.delete(a.id());
                removeFilesAfterCommit(List.of(a));
            });
        }
    }

    /** Removes uploads left free past the retention; returns how many. Safe on several copies at once. */
    public int purgeFree() {
        int purged = 0;
        List<Attachment> batch;
        do {
            batch = media.freeBefore(clock.instant().minus(FREE_RETENTION), 500);
            for (Attachment a : batch) {
                if (media.deleteIfFree(a.id())) {
                    removeFiles(a);
                    purged++;
                }
            }
        } while (batch.size() == 500);
        return purged;
    }

    /** Files go once the rows are gone for good (see {@link MediaStore#deleteAfterCommit}). */
    private void removeFilesAfterCommit(List<Attachment> removed) {
        store.deleteAfterCommit(removed.stream()
                .flatMap(a -> java.util.stream.Stream.of(a.fileName(), a.previewFileName())).toList());
    }

    private void removeFiles(Attachment a) {
        store.delete(a.fileName());
        store.delete(a.previewFileName());
    }

    private static ApiException unknown() {
        return ApiException.validation("media_ids", "ERR_INVALID", "media_ids names an upload that does not exist");
    }

    private static ApiException taken() {
        return ApiException.validation("media_ids", "ERR_TAKEN", "media_ids names an upload already used");
    }
}
