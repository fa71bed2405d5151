package app.omnia.identity.web;

import java.util.List;

import app.omnia.identity.InstanceFacts;

/**
 * The limit groups that Mastodon's v1 and v2 instance documents share (snake_case by the global naming
 * strategy).
 */
final class MastodonLimits {

    private MastodonLimits() {
    }

    record Statuses(int maxCharacters, int maxMediaAttachments, int charactersReservedPerUrl) {

        static Statuses of(InstanceFacts.Statuses s) {
            return new Statuses(s.maxCharacters(), s.maxMediaAttachments(), s.charactersReservedPerUrl());
        }
    }

    record MediaAttachments(
            List<String> supportedMimeTypes,
            long imageSizeLimit,
            long imageMatrixLimit,
            long videoSizeLimit,
            int videoFrameRateLimit,
            long videoMatrixLimit,
            int descriptionLimit) {

        static MediaAttachments of(InstanceFacts.Media m) {
            return new MediaAttachments(m.supportedMimeTypes(), m.imageSizeLimit(), m.imageMatrixLimit(),
                    m.videoSizeLimit(), m.videoFrameRateLimit(), m.videoMatrixLimit(), m.descriptionLimit());
        }
    }

    record Polls(int maxOptions, int maxCharactersPerOption, int minExpiration, int maxExpiration) {

        static Polls of(InstanceFacts.Polls p) {
            return new Polls(p.maxOptions(), p.maxCharactersPerOption(), p.minExpiration(), p.maxExpiration());
        }
    }

    /** A server rule; Omnia has none to list yet. */
    record Rule(String id, String text, String hint) {}
}
