package app.omnia.social.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.AccountView;
import app.omnia.identity.Links;
import app.omnia.platform.media.MediaStore;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.social.StatusService;
import app.omnia.social.domain.PostPolicy;
import app.omnia.social.domain.QuotePolicy;
import app.omnia.social.domain.Poll;
import app.omnia.social.MediaService;
import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Interactions;
import app.omnia.social.persistence.Interactions.Kind;
import app.omnia.social.persistence.Pins;
import app.omnia.social.persistence.Polls;
import app.omnia.social.persistence.Statuses;

/**
 * Turns statuses into Mastodon JSON for one viewer. A whole page is hydrated with a fixed number of
 * queries (accounts, mentions, tags, media, counts, the viewer's favourites, bookmarks and reblogs, polls), never
 * one query per status.
 */
@Component
class StatusJsons {

    private final Statuses statuses;
    private final Interactions interactions;
    private final Pins pins;
    private final Polls polls;
    private final PollJsons pollJsons;
    private final AccountService accounts;
    private final Links links;
    private final StatusService statusService;
    private final Follows follows;
    private final MediaService media;
    private final MediaStore mediaStore;
    private final app.omnia.social.Standings standings;
    private final java.time.Clock clock;

    StatusJsons(Statuses statuses, Interactions interactions, Pins pins, Polls polls, PollJsons pollJsons,
                AccountService accounts, Links links, StatusService statusService, Follows follows,
                MediaService media, MediaStore mediaStore, app.omnia.social.Standings standings,
                java.time.Clock clock) {
        this.clock = clock;
        this.standings = standings;
        this.statusService = statusService;
        this.follows = follows;
        this.media = media;
        this.mediaStore = mediaStore;
        this.pins = pins;
        this.polls = polls;
        this.pollJsons = pollJsons;
        this.statuses = statuses;
        this.interactions = interactions;
        this.accounts = accounts;
        this.links = links;
    }

    StatusJson one(Status status, Long viewerId) {
        return page(List.of(status), viewerId).getFirst();
    }

    List<StatusJson> page(List<Status> unmoderated, Long viewerId) {
        // Shown as moderation left them: behind its notice, or forced sensitive.
        List<Status> page = standings.presented(unmoderated);
        Map<Long, Status> originals = standings.presented(statuses.findAll(page.stream().filter(Status::isReblog)
                .map(Status::reblogOfId).toList()));
        List<Status> all = new ArrayList<>(page);
        all.addAll(originals.values());
        Map<Long, Status> quoted = statuses.findAll(all.stream().map(Status::quotedStatusId)
                .filter(java.util.Objects::nonNull).toList());
        all.addAll(quoted.values());
        Set<Long> statusIds = new HashSet<>();
        Set<Long> accountIds = new HashSet<>();
        all.forEach(s -> {
            statusIds.add(s.id());
            accountIds.add(s.accountId());
        });
        Map<Long, List<Long>> mentions = statuses.mentions(statusIds);
        mentions.values().forEach(accountIds::addAll);
        if (viewerId != null) {
            accountIds.add(viewerId); // loaded with the page's accounts: is the viewer a minor?
        }
        Map<Long, AccountView> views = accounts.views(accountIds);
        Hydration h = new Hydration(viewerId, views, mentions, statuses.tags(statusIds),
                statuses.replyAndReblogCounts(statusIds), interactions.counts(Kind.FAVOURITE, statusIds),
                viewerId == null ? Set.of() : interactions.which(Kind.FAVOURITE, viewerId, statusIds),
                viewerId == null ? Set.of() : interactions.which(Kind.BOOKMARK, viewerId, statusIds),
                viewerId == null ? Set.of() : statuses.reblogged(viewerId, statusIds),
                viewerId == null ? Set.of() : pins.which(statusIds),
                quoted, statuses.quoteCounts(statusIds), followedAuthors(viewerId, all), polls(statusIds, viewerId),
                media.shownOn(statusIds), reviewStates(unmoderated, viewerId), minor(views.get(viewerId)));
        return page.stream().map(s -> {
            if (!s.isReblog()) {
                return json(s, null, h, false);
            }
            Status original = originals.get(s.reblogOfId());
            if (original == null) {
                throw ApiException.notFound();
            }
            return json(s, json(original, null, h, false), h, false);
        }).toList();
    }

    private record Hydration(Long viewerId, Map<Long, AccountView> accounts, Map<Long, List<Long>> mentions,
                             Map<Long, List<String>> tags, Map<Long, long[]> replyAndReblogCounts,
                             Map<Long, Long> favouriteCounts, Set<Long> favourited, Set<Long> bookmarked,
                             Set<Long> reblogged, Set<Long> pinned, Map<Long, Status> quoted,
                             Map<Long, Long> quoteCounts, Set<Long> followedAuthors,
                             Map<Long, PollJson> polls, Map<Long, List<MediaAttachment>> media,
                             Map<Long, String> reviewStates, boolean minorViewer) {}

    /** The review state of the viewer's own supervised posts on the page (a query only if the page has some). */
    private Map<Long, String> reviewStates(List<Status> page, Long viewerId) {
        List<Status> own = viewerId == null ? List.of()
                : page.stream().filter(s -> s.accountId() == viewerId).toList();
        Map<Long, String> states = new java.util.HashMap<>();
        standings.of(own).forEach((id, standing) -> {
            if (standing.reviewState() != null) {
                states.put(id, standing.reviewState());
            }
        });
        return states;
    }

    /** Minors see sensitive statuses without their media (the text and content warning stay). */
    private boolean minor(AccountView viewer) {
        return viewer != null && viewer.account().minorOn(java.time.LocalDate.now(clock));
    }

    /** Which authors the viewer follows, among those whose quote policy is "followers". */
    private Set<Long> followedAuthors(Long viewerId, List<Status> all) {
        if (viewerId == null) {
            return Set.of();
        }
        return follows.followed(viewerId, all.stream().filter(s -> s.quotePolicy() == QuotePolicy.FOLLOWERS)
                .map(Status::accountId).distinct().toList());
    }

    /**
     * Mastodon's {@code quote}: the quoted status when the viewer may see it (one level: inside it, its own
     * quote is only a ShallowQuote), {@code unauthorized} when not, {@code deleted} when it is gone.
     */
    private Object quote(Status s, boolean nested, Hydration h) {
        if (s.quotedStatusId() == null) {
            return null;
        }
        Status quoted = h.quoted().get(s.quotedStatusId());
        String state = quoted == null ? "deleted"
                : statusService.canSee(h.viewerId(), quoted) ? "accepted" : "unauthorized";
        if (nested) {
            return new StatusJson.ShallowQuoteJson(state, "accepted".equals(state) ? String.valueOf(quoted.id()) : null);
        }
        return new StatusJson.QuoteJson(state, "accepted".equals(state) ? json(quoted, null, h, true) : null);
    }

    private StatusJson.QuoteApprovalJson quoteApproval(Status s, Hydration h) {
        List<String> automatic = s.visibility().reblogable() ? switch (s.quotePolicy()) {
            case PUBLIC -> List.of("public");
            case FOLLOWERS -> List.of("followers");
            case NOBODY -> List.<String>of();
        } : List.of();
        return new StatusJson.QuoteApprovalJson(automatic, List.of(),
                PostPolicy.quoteApprovalFor(h.viewerId(), s, h.followedAuthors().contains(s.accountId())));
    }

    /** The poll JSON of each status that has a poll, by status id. */
    private Map<Long, PollJson> polls(Set<Long> statusIds, Long viewerId) {
        Map<Long, Poll> byStatus = polls.ofStatuses(statusIds);
        Map<Long, PollJson> byPoll = pollJsons.page(List.copyOf(byStatus.values()), viewerId);
        Map<Long, PollJson> json = new java.util.HashMap<>();
        byStatus.forEach((statusId, poll) -> json.put(statusId, byPoll.get(poll.id())));
        return json;
    }

    /** Mastodon's MediaAttachment entities, in the order the status shows them. */
    List<MediaAttachmentJson> attachments(List<MediaAttachment> shown) {
        return shown.stream().map(m -> MediaAttachmentJson.of(m, mediaStore)).toList();
    }

    private boolean viewerIsAuthor(Status s, Hydration h) {
        return h.viewerId() != null && h.viewerId() == s.accountId();
    }

    private StatusJson json(Status s, StatusJson reblog, Hydration h, boolean nested) {
        AccountView author = h.accounts().get(s.accountId());
        if (author == null) {
            throw ApiException.notFound();
        }
        String username = author.account().username();
        long[] counts = h.replyAndReblogCounts().getOrDefault(s.id(), new long[2]);
        long subject = reblog == null ? s.id() : s.reblogOfId();
        List<StatusJson.MentionJson> mentions = h.mentions().getOrDefault(s.id(), List.of()).stream()
                .map(h.accounts()::get).filter(java.util.Objects::nonNull)
                .map(v -> new StatusJson.MentionJson(String.valueOf(v.account().id()), v.account().username(),
                        links.profileUrl(v.account().username()), v.account().username()))
                .toList();
        List<StatusJson.TagJson> tags = h.tags().getOrDefault(s.id(), List.of()).stream()
                .map(t -> new StatusJson.TagJson(t, links.tagUrl(t))).toList();
        return new StatusJson(
                String.valueOf(s.id()),
                links.actorUri(username) + "/statuses/" + s.id(),
                reblog == null ? links.profileUrl(username) + "/" + s.id() : null,
                JsonTime.of(s.createdAt()),
                AccountJson.of(author, links),
                reblog == null ? s.content() : "",
                s.visibility().key(),
                s.sensitive(),
                s.spoilerText(),
                h.minorViewer() && s.sensitive() ? List.of() : attachments(h.media().getOrDefault(s.id(), List.of())),
                null,
                mentions,
                tags,
                List.of(),
                counts[1],
                h.favouriteCounts().getOrDefault(s.id(), 0L),
                counts[0],
                s.inReplyToId() == null ? null : String.valueOf(s.inReplyToId()),
                s.inReplyToAccountId() == null ? null : String.valueOf(s.inReplyToAccountId()),
                reblog,
                reblog == null ? h.polls().get(s.id()) : null,
                null,
                s.language(),
                JsonTime.of(s.editedAt()),
                h.favourited().contains(subject),
                h.reblogged().contains(subject),
                false,
                h.bookmarked().contains(subject),
                // Mastodon tells only the author which of their statuses are pinned.
                viewerIsAuthor(s, h) && h.pinned().contains(s.id()),
                List.of(),
                s.replyPolicy().key(),
                reblog == null ? quote(s, nested, h) : null,
                h.quoteCounts().getOrDefault(s.id(), 0L),
                quoteApproval(s, h),
                null,
                h.reviewStates().containsKey(s.id()) ? new StatusJson.OmniaJson(h.reviewStates().get(s.id())) : null);
    }
}
