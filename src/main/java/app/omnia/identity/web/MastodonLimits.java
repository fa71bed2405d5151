package app.omnia.identity.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.omnia.identity.InstanceFacts;

/** The limit groups that Mastodon's v1 and v2 instance documents share, in Mastodon's JSON names. */
final class MastodonLimits {

    private MastodonLimits() {
    }

    record Statuses(
            @JsonProperty("max_characters") int maxCharacters,
            @JsonProperty("max_media_attachments") int maxMediaAttachments,
            @JsonProperty("characters_reserved_per_url") int charactersReservedPerUrl) {

        static Statuses of(InstanceFacts.Statuses s) {
            return new Statuses(s.maxCharacters(), s.maxMediaAttachments(), s.charactersReservedPerUrl());
        }
    }

    record MediaAttachments(
            @JsonProperty("supported_mime_types") List<String> supportedMimeTypes,
            @JsonProperty("image_size_limit") long imageSizeLimit,
            @JsonProperty("image_matrix_limit") long imageMatrixLimit,
            @JsonProperty("video_size_limit") long videoSizeLimit,
            @JsonProperty("video_frame_rate_limit") int videoFrameRateLimit,
            @JsonProperty("video_matrix_limit") long videoMatrixLimit,
            @JsonProperty("description_limit") int descriptionLimit) {

        static MediaAttachments of(InstanceFacts.Media m) {
            return new MediaAttachments(m.supportedMimeTypes(), m.imageSizeLimit(), m.imageMatrixLimit(),
                    m.videoSizeLimit(), m.videoFrameRateLimit(), m.videoMatrixLimit(), m.descriptionLimit());
        }
    }

    record Polls(
            @JsonProperty("max_options") int maxOptions,
            @JsonProperty("max_characters_per_option") int maxCharactersPerOption,
            @JsonProperty("min_expiration") int minExpiration,
            @JsonProperty("max_expiration") int maxExpiration) {

        static Polls of(InstanceFacts.Polls p) {
            return new Polls(p.maxOptions(), p.maxCharactersPerOption(), p.minExpiration(), p.maxExpiration());
        }
    }

    /** A server rule; Omnia has none to list yet. */
    record Rule(String id, String text, String hint) {}
}
