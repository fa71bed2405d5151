package app.omnia.identity.web;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

import app.omnia.identity.InstanceFacts;

/**
 * Mastodon's deprecated V1::Instance entity, as {@code GET /api/v1/instance} returns it (snake_case by the
 * global naming strategy).
 */
record InstanceV1(
        String uri,
        String title,
        String shortDescription,
        String description,
        String email,
        String version,
        Urls urls,
        Stats stats,
        String thumbnail,
        List<String> languages,
        boolean registrations,
        boolean approvalRequired,
        boolean invitesEnabled,
        Configuration configuration,
        Object contactAccount,
        List<MastodonLimits.Rule> rules) {

    record Urls(String streamingApi) {}

    /** Omnia does not federate, so it knows no other domains; post counts arrive with posts. */
    record Stats(long userCount, long statusCount, long domainCount) {}

    record Configuration(
            Accounts accounts,
            MastodonLimits.Statuses statuses,
            MastodonLimits.MediaAttachments mediaAttachments,
            MastodonLimits.Polls polls) {}

    record Accounts(int maxFeaturedTags) {}

    static InstanceV1 of(InstanceFacts facts) {
        InstanceFacts.Limits limits = facts.limits();
        Configuration configuration = new Configuration(
                new Accounts(limits.profiles().maxFeaturedTags()),
                MastodonLimits.Statuses.of(limits.statuses()),
                MastodonLimits.MediaAttachments.of(limits.media()),
                MastodonLimits.Polls.of(limits.polls()));
        return new InstanceV1(
                facts.domain(),
                facts.title(),
                facts.description(),
                // v1's description may hold HTML; Omnia's is plain text, so it is escaped to stay text.
                HtmlUtils.htmlEscape(facts.description(), "UTF-8"),
                facts.contactEmail(),
                facts.mastodonVersion(),
                new Urls(facts.streamingUrl()),
                new Stats(facts.activeUsers(), 0, 0),
                facts.thumbnailUrl(),
                facts.languages(),
                facts.registrations().open(),
                facts.registrations().approvalRequired(),
                false,
                configuration,
                null,
                List.of());
    }
}
