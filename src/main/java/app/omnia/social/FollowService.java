package app.omnia.social;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.AccountCounts;
import app.omnia.identity.AccountService;
import app.omnia.identity.Account;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.persistence.Blocks;
import app.omnia.social.persistence.FollowRequests;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Mutes;
import app.omnia.social.persistence.AccountStats;

/** Following and unfollowing, relationships, and the counters shown on profiles. */
@Service
public class FollowService implements AccountCounts.Source {

    /** Mastodon's Relationship entity, as far as this module knows it (mutes and requests come later). */
    public record Relationship(long id, boolean following, boolean followedBy, boolean requested,
                               boolean requestedBy, boolean blocking, boolean blockedBy, boolean muting,
                               boolean mutingNotifications, boolean showingReblogs, boolean notifying) {}

    /** The longest mute with an end: a year (a duration of 0 mutes for good). */
    static final long MAX_MUTE_SECONDS = 365L * 24 * 3600;

    private final Follows follows;
    private final Blocks blocks;
    private final Mutes mutes;
    private final FollowRequests requests;
    private final AccountStats stats;
    private final NotificationService notifications;
    private final AccountService accounts;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FollowService(Follows follows, Blocks blocks, Mutes mutes, FollowRequests requests, AccountStats stats,
                  NotificationService notifications, AccountService accounts, IdGenerator ids, Clock clock,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.mutes = mutes;
        this.notifications = notifications;
        this.follows = follows;
        this.blocks = blocks;
        this.stats = stats;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Relationship follow(Viewer viewer, long targetId) {
        return follow(viewer, targetId, null, null);
    }

    /**
     * Follows (or asks to), with Mastodon's options: {@code reblogs} shows the account's reblogs at home,
     * {@code notify} rings on its new posts. Following again changes the options given (null keeps them).
     */
    @Transactional
    public Relationship follow(Viewer viewer, long targetId, Boolean reblogs, Boolean notify) {
        Account target = target(viewer, targetId);
        if (target.id() == viewer.accountId()) {
            throw ApiException.forbidden("You cannot follow yourself");
        }
        if (blocks.eitherWay(viewer.accountId(), target.id())) {
            throw ApiException.forbidden("This action is not allowed");
        }
        Follows.Options current = follows.options(viewer.accountId(), List.of(target.id())).get(target.id());
        if (current != null) {
            follows.setOptions(viewer.accountId(), target.id(), merged(current, reblogs, notify));
            changed(viewer.accountId(), target.id(), RelationshipChanged.Change.FOLLOWED);
            return relationships(viewer.accountId(), List.of(target.id())).getFirst();
        }
        Follows.Options options = merged(requests.options(viewer.accountId(), target.id())
                .orElse(Follows.Options.DEFAULT), reblogs, notify);
        if (target.locked()) {
            // A locked account decides: the follow waits as a request.
            if (requests.add(ids.next(), viewer.accountId(), target.id(), clock.instant(), options)) {
                notifications.notify("follow_request", target.id(), viewer.accountId(), null);
            } else {
                requests.setOptions(viewer.accountId(), target.id(), options);
            }
        } else if (follows.add(ids.next(), viewer.accountId(), target.id(), clock.instant(), options)) {
            notifications.notify("follow", target.id(), viewer.accountId(), null);
            changed(viewer.accountId(), target.id(), RelationshipChanged.Change.FOLLOWED);
        }
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    private static Follows.Options merged(Follows.Options current, Boolean reblogs, Boolean notify) {
        return new Follows.Options(reblogs == null ? current.showReblogs() : reblogs,
                notify == null ? current.notifyOnPosts() : notify);
    }

    @Transactional
    public Relationship unfollow(Viewer viewer, long targetId) {
        Account target = target(viewer, targetId);
        follows.remove(viewer.accountId(), target.id());
        requests.remove(viewer.accountId(), target.id());
        changed(viewer.accountId(), target.id(), RelationshipChanged.Change.UNFOLLOWED);
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    /** Removes an account from the viewer's followers (Mastodon's "remove from followers"), without blocking it. */
    @Transactional
    public Relationship removeFromFollowers(Viewer viewer, long followerId) {
        Account follower = target(viewer, followerId);
        follows.remove(follower.id(), viewer.accountId());
        changed(follower.id(), viewer.accountId(), RelationshipChanged.Change.UNFOLLOWED);
        return relationships(viewer.accountId(), List.of(follower.id())).getFirst();
    }

    /** A block removes the follows both ways; the two accounts then cannot see or follow each other. */
    @Transactional
    public Relationship block(Viewer viewer, long targetId) {
        Account target = target(viewer, targetId);
        if (target.id() == viewer.accountId()) {
            throw ApiException.forbidden("You cannot block yourself");
        }
        blocks.add(ids.next(), viewer.accountId(), target.id(), clock.instant());
        follows.remove(viewer.accountId(), target.id());
        follows.remove(target.id(), viewer.accountId());
        requests.remove(viewer.accountId(), target.id());
        requests.remove(target.id(), viewer.accountId());
        changed(viewer.accountId(), target.id(), RelationshipChanged.Change.BLOCKED);
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    @Transactional
    public Relationship unblock(Viewer viewer, long targetId) {
        Account target = target(viewer, targetId);
        blocks.remove(viewer.accountId(), target.id());
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    /**
     * Mutes an account: its posts leave the viewer's timelines and, with {@code notifications}, its
     * notifications too. {@code durationSeconds} 0 means until unmuted.
     */
    @Transactional
    public Relationship mute(Viewer viewer, long targetId, boolean notifications, long durationSeconds) {
        Account target = target(viewer, targetId);
        if (target.id() == viewer.accountId()) {
            throw ApiException.forbidden("You cannot mute yourself");
        }
        if (durationSeconds < 0 || durationSeconds > MAX_MUTE_SECONDS) {
            throw ApiException.validation("duration", "ERR_INVALID",
                    "duration must be between 0 (indefinite) and " + MAX_MUTE_SECONDS + " seconds");
        }
        java.time.Instant now = clock.instant();
        mutes.put(ids.next(), viewer.accountId(), target.id(), notifications,
                durationSeconds == 0 ? null : now.plusSeconds(durationSeconds), now);
        changed(viewer.accountId(), target.id(), RelationshipChanged.Change.MUTED);
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    @Transactional
    public Relationship unmute(Viewer viewer, long targetId) {
        Account target = target(viewer, targetId);
        mutes.remove(viewer.accountId(), target.id());
        changed(viewer.accountId(), target.id(), RelationshipChanged.Change.UNMUTED);
        return relationships(viewer.accountId(), List.of(target.id())).getFirst();
    }

    public List<Mutes.Mute> muted(long viewerId, PageRequest page) {
        return mutes.page(viewerId, page, clock.instant());
    }

    /** Accounts whose posts the viewer has muted out of timelines (empty for anonymous viewers). */
    public Set<Long> mutedBy(Long viewerId) {
        return viewerId == null ? Set.of() : mutes.muted(viewerId, false, clock.instant());
    }

    /** Accounts whose notifications the viewer has muted. */
    public Set<Long> mutedNotificationsOf(long viewerId) {
        return mutes.muted(viewerId, true, clock.instant());
    }

    /** The viewer (a locked account) accepts a follow request: the follow exists from now on. */
    @Transactional
    public Relationship authorize(Viewer viewer, long requesterId) {
        Follows.Options options = requests.options(requesterId, viewer.accountId()).orElseThrow(ApiException::notFound);
        if (!requests.remove(requesterId, viewer.accountId())) {
            throw ApiException.notFound();
        }
        follows.add(ids.next(), requesterId, viewer.accountId(), clock.instant(), options);
        notifications.notify("follow", viewer.accountId(), requesterId, null);
        changed(requesterId, viewer.accountId(), RelationshipChanged.Change.FOLLOWED);
        return relationships(viewer.accountId(), List.of(requesterId)).getFirst();
    }

    @Transactional
    public Relationship reject(Viewer viewer, long requesterId) {
        if (!requests.remove(requesterId, viewer.accountId())) {
            throw ApiException.notFound();
        }
        return relationships(viewer.accountId(), List.of(requesterId)).getFirst();
    }

    public List<FollowRequests.Request> pendingRequests(long viewerId, PageRequest page) {
        return requests.pendingFor(viewerId, page);
    }

    public long pendingRequestCount(long viewerId) {
        return requests.countFor(viewerId);
    }

    public List<Blocks.Block> blocked(long viewerId, PageRequest page) {
        return blocks.blockedByAccount(viewerId, page);
    }

    /** Whether the account blocks, or is blocked by, any of the others (one query). */
    public boolean blockedEitherWay(long accountId, Collection<Long> others) {
        return blocks.anyEitherWay(accountId, others);
    }

    /** Whether either account blocks the other, in one query (the full {@link #relationships} takes several). */
    public boolean blockedEitherWay(long a, long b) {
        return blocks.eitherWay(a, b);
    }

    /** The accounts a viewer must not see in lists (blocked either way); empty for anonymous viewers. */
    public Set<Long> hiddenFrom(Long viewerId) {
        return viewerId == null ? Set.of() : blocks.hiddenFrom(viewerId);
    }

    public List<Relationship> relationships(long viewerId, Collection<Long> targetIds) {
        List<Long> targets = List.copyOf(targetIds);
        Map<Long, Follows.Options> following = follows.options(viewerId, targets);
        Set<Long> followedBy = follows.followers(viewerId, targets);
        Set<Long> blocking = blocks.blocking(viewerId, targets);
        Set<Long> blockedBy = blocks.blockedBy(viewerId, targets);
        Set<Long> requested = requests.requested(viewerId, targets);
        Set<Long> requestedBy = requests.requestedBy(viewerId, targets);
        Set<Long> muting = mutes.muted(viewerId, false, clock.instant());
        Set<Long> mutingNotifications = mutes.muted(viewerId, true, clock.instant());
        return targets.stream()
                .map(id -> new Relationship(id, following.containsKey(id), followedBy.contains(id),
                        requested.contains(id), requestedBy.contains(id), blocking.contains(id), blockedBy.contains(id),
                        muting.contains(id), mutingNotifications.contains(id),
                        following.containsKey(id) && following.get(id).showReblogs(),
                        following.containsKey(id) && following.get(id).notifyOnPosts()))
                .toList();
    }

    public List<Follows.Follow> followers(long accountId, PageRequest page) {
        return follows.followersOf(accountId, page);
    }

    public List<Follows.Follow> following(long accountId, PageRequest page) {
        return follows.followingOf(accountId, page);
    }

    @Override
    public long pendingFollowRequests(long accountId) {
        return requests.countFor(accountId);
    }

    @Override
    public AccountCounts of(long accountId) {
        return stats.of(List.of(accountId)).getOrDefault(accountId, AccountCounts.NONE);
    }

    @Override
    public Map<Long, AccountCounts> ofAll(Collection<Long> accountIds) {
        return stats.of(accountIds);
    }

    /** Home timelines kept elsewhere (the timeline module) follow relationships through this event. */
    private void changed(long accountId, long targetId, RelationshipChanged.Change change) {
        events.publishEvent(new RelationshipChanged(accountId, targetId, change));
    }

    private Account target(Viewer viewer, long targetId) {
        return accounts.visible(viewer, targetId).account();
    }

}
