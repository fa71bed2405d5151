package app.omnia.social.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.omnia.platform.media.MediaStore;
import app.omnia.social.domain.MediaAttachment;

/**
 * Mastodon's MediaAttachment entity. Files are local, so the remote URLs are null; {@code text_url} is
 * null as in Mastodon 3.5+; {@code meta.focus} appears only when a focal point was set.
 */
record MediaAttachmentJson(String id, String type, String url, String previewUrl, String remoteUrl,
                           String previewRemoteUrl, String textUrl, Meta meta, String description, String blurhash) {

    record Meta(Size original, Size small, @JsonInclude(JsonInclude.Include.NON_NULL) Focus focus) {}

    record Size(int width, int height, String size, double aspect) {
        static Size of(int width, int height) {
            return new Size(width, height, width + "x" + height, (double) width / height);
        }
    }

    record Focus(double x, double y) {}

    static MediaAttachmentJson of(MediaAttachment m, MediaStore store) {
        return new MediaAttachmentJson(String.valueOf(m.id()), m.kind(), store.url(m.fileName()),
                store.url(m.previewFileName()), null, null, null,
                new Meta(Size.of(m.width(), m.height()), Size.of(m.previewWidth(), m.previewHeight()),
                        m.focus() == null ? null : new Focus(m.focus().x(), m.focus().y())),
                m.description(), m.blurhash());
    }
}
