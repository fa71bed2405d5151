package app.omnia.identity;

import java.util.List;

/**
 * What this server tells the world about itself: the facts behind Mastodon's instance documents and
 * NodeInfo. Limits are the ones the server enforces, so apps can check input before sending it.
 *
 * @param softwareVersion  Omnia's own version (e.g. {@code 0.1.0})
 * @param mastodonVersion  the version Mastodon apps read (e.g. {@code 4.3.0 (compatible; Omnia 0.1.0)})
 * @param streamingUrl     the origin of the streaming API, ws:// or wss://
 * @param activeUsers      accounts that can be seen: approved and not suspended
 */
public record InstanceFacts(
        String domain,
        String baseUrl,
        String title,
        String description,
        String contactEmail,
        List<String> languages,
        String softwareVersion,
        String mastodonVersion,
        String sourceUrl,
        String streamingUrl,
        String thumbnailUrl,
        long activeUsers,
        Registrations registrations,
        Limits limits) {

    /**
     * @param open             whether anyone may sign up (possibly pending approval)
     * @param approvalRequired whether new accounts wait for a moderator
     * @param reasonRequired   whether sign-ups must say why they want to join
     * @param minimumAge       the default minimum age in years
     */
    public record Registrations(boolean open, boolean approvalRequired, boolean reasonRequired, int minimumAge) {}

    public record Limits(Statuses statuses, Media media, Polls polls, Profiles profiles) {}

    public record Statuses(int maxCharacters, int maxMediaAttachments, int charactersReservedPerUrl) {}

    /** Sizes in bytes, matrices in pixels (width times height); 0 means the kind is not accepted. */
    public record Media(List<String> supportedMimeTypes, long imageSizeLimit, long imageMatrixLimit,
                        long videoSizeLimit, int videoFrameRateLimit, long videoMatrixLimit, int descriptionLimit) {}

    /** Expirations in seconds. */
    public record Polls(int maxOptions, int maxCharactersPerOption, int minExpiration, int maxExpiration) {}

    public record Profiles(int maxFeaturedTags, int maxPinnedStatuses) {}
}
