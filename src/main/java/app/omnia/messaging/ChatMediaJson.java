package app.omnia.messaging;

import app.omnia.messaging.domain.Attachment;
import app.omnia.platform.media.MediaStore;

/**
 * A chat image in the shape of Mastodon's MediaAttachment entity (type, url, preview_url, meta with original
 * and small sizes, description, blurhash), so that clients reuse their renderer. Files are local: remote
 * URLs are null.
 */
public record ChatMediaJson(String id, String type, String url, String previewUrl, String remoteUrl,
                            String previewRemoteUrl, String textUrl, Meta meta, String description, String blurhash) {

    public record Meta(Size original, Size small) {}

    public record Size(int width, int height, String size, double aspect) {
        static Size of(int width, int height) {
            return new Size(width, height, width + "x" + height, (double) width / height);
        }
    }

    public static ChatMediaJson of(Attachment a, MediaStore store) {
        return new ChatMediaJson(String.valueOf(a.id()), "image", store.url(a.fileName()),
                store.url(a.previewFileName()), null, null, null,
                new Meta(Size.of(a.width(), a.height()), Size.of(a.previewWidth(), a.previewHeight())),
                a.description(), a.blurhash());
    }
}
