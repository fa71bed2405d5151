package app.omnia.social.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import app.omnia.platform.media.MediaStore;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.MediaService;
import app.omnia.social.domain.MediaAttachment;

/**
 * Mastodon's media API. Uploads are processed while the request waits, so v2 answers 200 with the final
 * URL, as Mastodon 4 does for images (202 is for media still processing, which never happens here).
 */
@RestController
class MediaAttachmentsController {

    private final MediaService media;
    private final MediaStore store;

    MediaAttachmentsController(MediaService media, MediaStore store) {
        this.media = media;
        this.store = store;
    }

    @PostMapping({"/api/v1/media", "/api/v2/media"})
    @RequiresScope("write:media")
    MediaAttachmentJson upload(Params params, HttpServletRequest request) {
        Viewer viewer = CurrentViewer.require();
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file")
                : null;
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("file", "ERR_BLANK", "file must be an image sent as multipart form data");
        }
        // The optional custom "thumbnail" part is ignored: previews are always made from the image itself.
        return json(media.upload(viewer, bytes(file), file.getContentType(), params.string("description"),
                params.string("focus")));
    }

    @GetMapping("/api/v1/media/{id}")
    @RequiresScope("write:media")
    MediaAttachmentJson get(@PathVariable String id) {
        return json(media.own(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PutMapping("/api/v1/media/{id}")
    @RequiresScope("write:media")
    MediaAttachmentJson update(@PathVariable String id, Params params) {
        return json(media.update(CurrentViewer.require(), PathIds.parse(id), params.string("description"),
                params.string("focus")));
    }

    /** Answers an empty object, as Mastodon does. */
    @DeleteMapping("/api/v1/media/{id}")
    @RequiresScope("write:media")
    Map<String, Object> delete(@PathVariable String id) {
        media.delete(CurrentViewer.require(), PathIds.parse(id));
        return Map.of();
    }

    private MediaAttachmentJson json(MediaAttachment attachment) {
        return MediaAttachmentJson.of(attachment, store);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
