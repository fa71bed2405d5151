package app.omnia.social;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.StatusCards;
import app.omnia.social.persistence.Statuses;

/**
 * Timelines. Home comes from a {@link HomeFeed} (the timeline module's fan-out store) when there is one and
 * {@code omnia.timeline.mode} is {@code store}, otherwise straight from the database; the others always come
 * from the database. Every page is filtered through the status policy and the viewer's mutes before it is
 * returned, whichever way it was read.
 */
@Service
public class TimelineService {

    private final Statuses statuses;
    private final StatusCards cards;
    private final Follows follows;
    private final FollowService followService;
    private final StatusService statusService;
    private final ObjectProvider<HomeFeed> homeFeed;
    /** The feed once found: a bean look-up per page costs more than the page's cache reads, and it never changes. */
    private volatile HomeFeed foundFeed;
    private final FilterService filters;
    private final boolean naive;

    TimelineService(Statuses statuses, StatusCards cards, Follows follows, FollowService followService, StatusService statusService,
                    ObjectProvider<HomeFeed> homeFeed, OmniaProperties properties, FilterService filters) {
        this.filters = filters;
        this.homeFeed = homeFeed;
        this.naive = properties.timelineSettings().mode() == OmniaProperties.TimelineMode.NAIVE;
        this.statuses = statuses;
        this.cards = cards;
        this.follows = follows;
        this.followService = followService;
        this.statusService = statusService;
    }

    public List<Status> home(long viewerId, PageRequest page) {
        HomeFeed feed = naive ? null : feed();
        List<Status> found = feed == null ? statuses.home(viewerId, page) : hydrate(feed.page(viewerId, page));
        return withoutHidden(viewerId, "home", withoutMuted(viewerId, visibleTo(viewerId, found)));
    }

    private HomeFeed feed() {
        HomeFeed feed = foundFeed;
        if (feed == null) {
            feed = homeFeed.getIfAvailable();
            foundFeed = feed;
        }
        return feed;
    }

    /** The statuses of a page of ids, in its order, from the cache; ids of statuses that are gone drop out. */
    private List<Status> hydrate(List<Long> ids) {
        Map<Long, Status> byId = cards.statuses(ids);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public List<Status> publicTimeline(Long viewerId, boolean onlyMedia, PageRequest page) {
        return withoutHidden(viewerId, "public",
                withoutMuted(viewerId, visibleTo(viewerId, statuses.publicTimeline(onlyMedia, page))));
    }

    public List<Status> tag(Long viewerId, String tag, boolean onlyMedia, PageRequest page) {
        return withoutHidden(viewerId, "public", withoutMuted(viewerId, visibleTo(viewerId,
                statuses.tagged(tag.toLowerCase(Locale.ROOT), onlyMedia, page))));
    }

    /**
     * The viewer's {@code hide} filters for this context take matching statuses (a reblog by its original) out
     * of the page on the server; {@code warn} filters only mark them ({@code filtered} in the JSON).
     */
    private List<Status> withoutHidden(Long viewerId, String context, List<Status> page) {
        List<app.omnia.social.domain.ContentFilter> hiding = filters.active(viewerId).stream()
                .filter(f -> f.hides() && f.appliesIn(context)).toList();
        if (hiding.isEmpty() || page.isEmpty()) {
            return page;
        }
        Map<Long, Status> originals = cards.statuses(page.stream().filter(Status::isReblog)
                .map(Status::reblogOfId).toList());
        return page.stream().filter(s -> {
            Status shown = s.isReblog() ? originals.get(s.reblogOfId()) : s;
            return shown == null || FilterService.matches(hiding, shown).isEmpty();
        }).toList();
    }

    /** Muted accounts leave the feeds (not a profile one visits on purpose, nor a thread). */
    private List<Status> withoutMuted(Long viewerId, List<Status> page) {
        Set<Long> muted = followService.mutedBy(viewerId);
        if (muted.isEmpty()) {
            return page;
        }
        Map<Long, Status> originals = cards.statuses(page.stream().filter(Status::isReblog)
                .map(Status::reblogOfId).toList());
        return page.stream().filter(s -> !muted.contains(s.accountId()) && !(s.isReblog()
                && originals.containsKey(s.reblogOfId()) && muted.contains(originals.get(s.reblogOfId()).accountId())))
                .toList();
    }

    /** A profile's statuses: what the viewer may see of them (their own, followers-only if following). */
    public List<Status> account(Long viewerId, long accountId, boolean excludeReplies, boolean onlyMedia,
                                PageRequest page) {
        List<Visibility> visible = viewerId != null && viewerId == accountId
                ? List.of(Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE, Visibility.DIRECT)
                : viewerId != null && follows.follows(viewerId, accountId)
                        ? List.of(Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE)
                        : List.of(Visibility.PUBLIC, Visibility.UNLISTED);
        return visibleTo(viewerId, statuses.byAccount(accountId, excludeReplies, onlyMedia, visible, page));
    }

    private List<Status> visibleTo(Long viewerId, List<Status> page) {
        return statusService.visibleOnly(viewerId, page);
    }
}
