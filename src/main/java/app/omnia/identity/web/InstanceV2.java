package app.omnia.identity.web;

import java.util.List;

import app.omnia.identity.InstanceFacts;

/**
 * Mastodon's Instance entity, as {@code GET /api/v2/instance} returns it (snake_case by the global naming
 * strategy).
 */
record InstanceV2(
        String domain,
        String title,
        String version,
        String sourceUrl,
        String description,
        Usage usage,
        Thumbnail thumbnail,
        List<Icon> icon,
        List<String> languages,
        Configuration configuration,
        Registrations registrations,
        ApiVersions apiVersions,
        Contact contact,
        List<MastodonLimits.Rule> rules) {

    /** The Mastodon API revision of version 4.3, which is what {@link InstanceFacts#mastodonVersion()} claims. */
    static final int MASTODON_API_VERSION = 2;

    record Usage(Users users) {}

    record Users(long activeMonth) {}

    record Thumbnail(String url) {}

    record Icon(String src, String size) {}

    record Configuration(
            Urls urls,
            Vapid vapid,
            Accounts accounts,
            MastodonLimits.Statuses statuses,
            MastodonLimits.MediaAttachments mediaAttachments,
            MastodonLimits.Polls polls,
            Translation translation) {}

    record Urls(String streaming, String status) {}

    /** Web Push is not offered yet: an empty key tells apps not to subscribe. */
    record Vapid(String publicKey) {}

    record Accounts(int maxFeaturedTags, int maxPinnedStatuses) {}

    record Translation(boolean enabled) {}

    record Registrations(
            boolean enabled,
            boolean approvalRequired,
            String message,
            String url,
            int minAge,
            boolean reasonRequired) {}

    record ApiVersions(int mastodon) {}

    /** {@code account} is Mastodon's Account entity of the contact person; none is designated yet. */
    record Contact(String email, Object account) {}

    static InstanceV2 of(InstanceFacts facts) {
        InstanceFacts.Limits limits = facts.limits();
        Configuration configuration = new Configuration(
                new Urls(facts.streamingUrl(), null),
                new Vapid(""),
                new Accounts(limits.profiles().maxFeaturedTags(), limits.profiles().maxPinnedStatuses()),
                MastodonLimits.Statuses.of(limits.statuses()),
                MastodonLimits.MediaAttachments.of(limits.media()),
                MastodonLimits.Polls.of(limits.polls()),
                new Translation(false));
        InstanceFacts.Registrations r = facts.registrations();
        return new InstanceV2(
                facts.domain(),
                facts.title(),
                facts.mastodonVersion(),
                facts.sourceUrl(),
                facts.description(),
                new Usage(new Users(facts.activeUsers())),
                new Thumbnail(facts.thumbnailUrl()),
                List.of(),
                facts.languages(),
                configuration,
                new Registrations(r.open(), r.approvalRequired(), null, null, r.minimumAge(), r.reasonRequired()),
                new ApiVersions(MASTODON_API_VERSION),
                new Contact(facts.contactEmail(), null),
                List.of());
    }
}
