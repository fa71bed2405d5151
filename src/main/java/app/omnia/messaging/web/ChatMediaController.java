package app.omnia.messaging.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import app.omnia.messaging.ChatMediaJson;
import app.omnia.messaging.ChatMediaService;
import app.omnia.messaging.ChatScopes;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/**
 * Chat uploads, as Mastodon's {@code POST /api/v2/media} (multipart {@code file}, optional
 * {@code description}) answering a MediaAttachment; the id then goes in a message's {@code media_ids} or a
 * group's {@code media_id} for its avatar.
 */
@RestController
class ChatMediaController {

    private final ChatMediaService media;

    ChatMediaController(ChatMediaService media) {
        this.media = media;
    }

    @PostMapping("/api/omnia/v1/chat/media")
    @RequiresScope(ChatScopes.WRITE)
    ChatMediaJson upload(Params params, HttpServletRequest request) {
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        if (file == null || file.isEmpty()) {
            throw ApiException.validation("file", "ERR_BLANK", "file must be an image sent as multipart form data");
        }
        try {
            return media.upload(CurrentViewer.requireAccountId(), file.getBytes(), file.getContentType(),
                    params.string("description").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
