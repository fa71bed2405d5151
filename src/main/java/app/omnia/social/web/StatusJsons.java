package app.omnia.social.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.AccountView;
import app.omnia.identity.Links;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.media.MediaStore;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.social.FilterService;
import app.omnia.social.Standings;
import app.omnia.social.StatusService;
import app.omnia.social.domain.ContentFilter;
import app.omnia.social.domain.PostPolicy;
import app.omnia.social.domain.QuotePolicy;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.HeldEdits;
import app.omnia.social.persistence.StatusCard;
import app.omnia.social.persistence.StatusCards;
import app.omnia.social.persistence.ViewerStates;

/**
 * Turns statuses into Mastodon JSON for one viewer. A whole page is hydrated with a fixed number of
 * queries, never one per status: what is the same for everyone (the statuses, mentions, tags, media, polls,
 * counters) comes from the status cache ({@link StatusCards}), the accounts from identity's cache, and the
 * viewer's own favourites, bookmarks, reblogs and pins from at most one query per page ({@link ViewerStates}).
 */
@Component
class StatusJsons {

    private final StatusCards cards;
    private final ViewerStates viewerStates;
    private final PollJsons pollJsons;
    private final AccountService accounts;
    private final Links links;
    private final StatusService statusService;
    private final Follows follows;
    private final MediaStore mediaStore;
    private final FilterService filters;
    private final Standings standings;
    private final Clock clock;
    private final HeldEdits heldEdits;
    /**
     * Authors recur across pages and viewers, and their JSON (escaped, linkified) depends on nothing but their
     * view: kept per account with the view it was made from, and made again when today's view differs (a changed
     * profile or counter), so no eviction is needed. Keyed by id: hashing a whole view costs more than comparing it.
     */
    private final Cache<Long, AuthorJson> authorJsons;

    private record AuthorJson(AccountView view, AccountJson json) {
    }

    private final SharedStatusJsons sharedJsons;

    StatusJsons(StatusCards cards, ViewerStates viewerStates, PollJsons pollJsons, AccountService accounts,
                Links links, StatusService statusService, Follows follows, MediaStore mediaStore,
                FilterService filters, Standings standings,
                Clock clock, HeldEdits heldEdits, CacheSettings cacheSettings,
                SharedStatusJsons sharedJsons) {
        this.sharedJsons = sharedJsons;
        this.authorJsons = Caffeine.newBuilder().maximumSize(cacheSettings.accounts()).build();
        this.heldEdits = heldEdits;
        this.clock = clock;
        this.standings = standings;
        this.filters = filters;
        this.cards = cards;
        this.viewerStates = viewerStates;
        this.statusService = statusService;
        this.follows = follows;
        this.mediaStore = mediaStore;
        this.pollJsons = pollJsons;
        this.accounts = accounts;
        this.links = links;
    }

    StatusJson one(Status status, Long viewerId) {
        return page(List.of(status), viewerId).getFirst();
    }

    /** A status for no viewer in particular, as the streaming socket sends it to adults or to minors. */
    StatusJson forAudience(Status status, boolean minors) {
        return page(List.of(status), null, minors).getFirst();
    }

    /** Whether a rendered status (or the status it shares, or quotes) shows media a minor must not see. */
    static boolean showsSensitiveMedia(StatusJson json) {
        if (json == null) {
            return false;
        }
        boolean own = json.shared().sensitive() && !json.viewer().mediaAttachments().isEmpty();
        boolean quoted = json.viewer().quote() instanceof StatusJson.QuoteJson q
                && showsSensitiveMedia(q.quotedStatus());
        return own || quoted || showsSensitiveMedia(json.viewer().reblog());
    }

    List<StatusJson> page(List<Status> unmoderated, Long viewerId) {
        return page(unmoderated, viewerId, null);
    }

    /** {@code minorAudience}: null to judge from the viewer, else whether the page is for minors. */
    private List<StatusJson> page(List<Status> unmoderated, Long viewerId, Boolean minorAudience) {
        Set<Long> wanted = new HashSet<>();
        unmoderated.forEach(s -> {
            wanted.add(s.id());
            if (s.isReblog()) {
                wanted.add(s.reblogOfId());
            }
        });
        Map<Long, StatusCard> found = new HashMap<>(cards.find(wanted));
        Set<Long> quotedIds = new HashSet<>();
        unmoderated.forEach(s -> quotedIds.add(s.quotedStatusId()));
        found.values().forEach(c -> quotedIds.add(c.status().quotedStatusId()));
        quotedIds.remove(null);
        quotedIds.removeAll(found.keySet());
        found.putAll(cards.find(quotedIds));
        List<Status> shared = unmoderated.stream().filter(Status::isReblog).map(s -> found.get(s.reblogOfId()))
                .filter(Objects::nonNull).map(StatusCard::status).toList();
        Map<Long, Status> quotedAsStored = new LinkedHashMap<>();
        Stream.concat(unmoderated.stream(), shared.stream()).map(Status::quotedStatusId)
                .filter(Objects::nonNull).map(found::get).filter(Objects::nonNull)
                .forEach(c -> quotedAsStored.put(c.status().id(), c.status()));
        // Shown as moderation left them (behind its notice, or forced sensitive): one look-up for the page, the
        // originals it shares and the statuses they quote (a minor must not see forced-sensitive media in a quote).
        List<Status> both = new ArrayList<>(unmoderated);
        both.addAll(shared);
        both.addAll(quotedAsStored.values());
        List<Status> presented = standings.presented(both);
        int pageEnd = unmoderated.size();
        int sharedEnd = pageEnd + shared.size();
        List<Status> page = presented.subList(0, pageEnd);
        Map<Long, Status> originals = new HashMap<>();
        presented.subList(pageEnd, sharedEnd).forEach(o -> originals.put(o.id(), o));
        Map<Long, Status> quoted = new HashMap<>();
        presented.subList(sharedEnd, presented.size()).forEach(q -> quoted.put(q.id(), q));
        List<Status> all = new ArrayList<>(page);
        all.addAll(originals.values());
        all.addAll(quoted.values());
        Set<Long> statusIds = new HashSet<>();
        Set<Long> accountIds = new HashSet<>();
        all.forEach(s -> {
            statusIds.add(s.id());
            accountIds.add(s.accountId());
            StatusCard card = found.get(s.id());
            if (card != null) {
                accountIds.addAll(card.mentions());
            }
        });
        if (viewerId != null) {
            accountIds.add(viewerId); // loaded with the page's accounts: is the viewer a minor?
        }
        Map<Long, AccountView> views = accounts.views(accountIds);
        Hydration h = new Hydration(viewerId, views, found, viewerStates.of(viewerId, statusIds),
                quoted, followedAuthors(viewerId, all), polls(all, found, viewerId), filters.active(viewerId),
                reviewStates(unmoderated, viewerId),
                minorAudience != null ? minorAudience : minor(views.get(viewerId)));
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

    private record Hydration(Long viewerId, Map<Long, AccountView> accounts, Map<Long, StatusCard> cards,
                             ViewerStates.State viewer, Map<Long, Status> quoted, Set<Long> followedAuthors,
                             Map<Long, PollJson> polls, List<ContentFilter> filters,
                             Map<Long, String> reviewStates, boolean minorViewer) {

        /** The shared part of a status (empty if it went while the page was read). */
        StatusCard card(Status s) {
            StatusCard card = cards.get(s.id());
            return card != null ? card : new StatusCard(s, List.of(), List.of(), List.of(), null, 0, 0, 0, 0);
        }
    }

    /** {@code omnia.review_state} of a published status whose edit waits for review. */
    static final String EDIT_PENDING = "edit_pending";

    /**
     * The review state of the viewer's own supervised posts on the page (queries only if the page has some of the
     * viewer's own): {@code pending}, {@code rejected}, or {@code edit_pending}.
     */
    private Map<Long, String> reviewStates(List<Status> page, Long viewerId) {
        List<Status> own = viewerId == null ? List.of()
                : page.stream().filter(s -> s.accountId() == viewerId).toList();
        Map<Long, String> states = new HashMap<>();
        standings.of(own).forEach((id, standing) -> {
            if (standing.reviewState() != null) {
                states.put(id, standing.reviewState());
            }
        });
        // Published, with an edit waiting for review: the author sees the published version and this state.
        List<Long> published = own.stream().map(Status::id).filter(id -> !states.containsKey(id)).toList();
        heldEdits.pendingAmong(published).forEach(id -> states.put(id, EDIT_PENDING));
        return states;
    }

    /** Minors see sensitive statuses without their media (the text and content warning stay). */
    private boolean minor(AccountView viewer) {
        return viewer != null && viewer.account().minorOn(LocalDate.now(clock));
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

    /** The poll JSON of each status that has a poll, by status id (no query when none has). */
    private Map<Long, PollJson> polls(List<Status> all, Map<Long, StatusCard> found, Long viewerId) {
        Map<Long, Poll> byStatus = new HashMap<>();
        all.forEach(s -> {
            StatusCard card = found.get(s.id());
            if (card != null && card.poll() != null) {
                byStatus.put(s.id(), card.poll());
            }
        });
        Map<Long, PollJson> byPoll = pollJsons.page(List.copyOf(byStatus.values()), viewerId);
        Map<Long, PollJson> json = new HashMap<>();
        byStatus.forEach((statusId, poll) -> json.put(statusId, byPoll.get(poll.id())));
        return json;
    }

    /** Mastodon's MediaAttachment entities, in the order the status shows them. */
    List<MediaAttachmentJson> attachments(List<MediaAttachment> shown) {
        return shown.stream().map(m -> MediaAttachmentJson.of(m, mediaStore)).toList();
    }

    /** Mastodon's {@code filtered}: every filter of the viewer's that the status (a reblog: its original) matches. */
    private static List<Object> filtered(Status s, Hydration h) {
        if (h.filters().isEmpty()) {
            return List.of();
        }
        StatusCard original = s.isReblog() ? h.cards().get(s.reblogOfId()) : null;
        Status shown = original != null ? original.status() : s;
        return FilterService.matches(h.filters(), shown).stream().<Object>map(FilterJsons::of).toList();
    }

    private AccountJson authorJson(AccountView author) {
        AuthorJson kept = authorJsons.getIfPresent(author.account().id());
        if (kept != null && kept.view().equals(author)) {
            return kept.json();
        }
        AccountJson json = AccountJson.of(author, links);
        authorJsons.put(author.account().id(), new AuthorJson(author, json));
        return json;
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
        StatusCard card = h.card(s);
        long subject = reblog == null ? s.id() : s.reblogOfId();
        List<StatusJson.MentionJson> mentions = card.mentions().stream()
                .map(h.accounts()::get).filter(Objects::nonNull)
                .map(v -> new StatusJson.MentionJson(String.valueOf(v.account().id()), v.account().username(),
                        links.profileUrl(v.account().username()), v.account().username()))
                .toList();
        List<StatusJson.TagJson> tags = card.tags().stream()
                .map(t -> new StatusJson.TagJson(t, links.tagUrl(t))).toList();
        StatusJson.Shared shared = new StatusJson.Shared(
                String.valueOf(s.id()),
                links.actorUri(username) + "/statuses/" + s.id(),
                reblog == null ? links.profileUrl(username) + "/" + s.id() : null,
                JsonTime.of(s.createdAt()),
                authorJson(author),
                reblog == null ? s.content() : "",
                s.visibility().key(),
                s.sensitive(),
                s.spoilerText(),
                null,
                mentions,
                tags,
                List.of(),
                card.reblogs(),
                card.favourites(),
                card.replies(),
                s.inReplyToId() == null ? null : String.valueOf(s.inReplyToId()),
                s.inReplyToAccountId() == null ? null : String.valueOf(s.inReplyToAccountId()),
                null,
                s.language(),
                JsonTime.of(s.editedAt()),
                s.replyPolicy().key(),
                card.quotes());
        StatusJson.Viewer viewer = new StatusJson.Viewer(
                h.minorViewer() && s.sensitive() ? List.of() : attachments(card.media()),
                reblog,
                reblog == null ? h.polls().get(s.id()) : null,
                h.viewer().favourited().contains(subject),
                h.viewer().reblogged().contains(subject),
                false,
                h.viewer().bookmarked().contains(subject),
                // Mastodon tells only the author which of their statuses are pinned.
                viewerIsAuthor(s, h) && h.viewer().pinned().contains(s.id()),
                filtered(s, h),
                reblog == null ? quote(s, nested, h) : null,
                quoteApproval(s, h),
                null,
                h.reviewStates().containsKey(s.id()) ? new StatusJson.OmniaJson(h.reviewStates().get(s.id())) : null);
        return new StatusJson(shared, viewer, sharedJsons.of(s.id(), shared));
    }
}
