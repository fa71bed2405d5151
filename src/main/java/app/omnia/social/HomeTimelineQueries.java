package app.omnia.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.FollowedTags;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Statuses;

/**
 * What a home-timeline store needs to know from the public square, in home-timeline lines: who a new status
 * reaches, what a cold timeline holds, what a follow brings in. The rules are those of the database query
 * ({@link Statuses#home}), so that a timeline filled by fan-out shows what the query would.
 */
@Service
public class HomeTimelineQueries {

    /** A status to fan out and the home timelines it reaches besides its author's. */
    public record Audience(HomeEntry entry, Set<Long> accounts) {}

    /**
     * Whom a status reaches, for fan-out in batches: its author's followers (when {@code toFollowers}; the
     * caller knows them) and {@code others}: those mentioned in a direct message, those following one of a
     * public original's hashtags. The author is never among them.
     */
    public record Reach(HomeEntry entry, boolean toFollowers, Set<Long> others) {}

    /** A follow as fan-out sees it: the follower, the followed author, whether the follower sees their reblogs. */
    public record Follow(long followerId, long authorId, boolean showsReblogs) {}

    private final Statuses statuses;
    private final Follows follows;
    private final FollowedTags followedTags;

    HomeTimelineQueries(Statuses statuses, Follows follows, FollowedTags followedTags) {
        this.statuses = statuses;
        this.follows = follows;
        this.followedTags = followedTags;
    }

    /**
     * The homes a status reaches: direct messages those mentioned; others the followers (only those showing
     * reblogs, for a reblog) unless {@code withFollowers} is false (authors read at home time), and a public
     * original those following one of its hashtags. Empty if the status is gone.
     */
    public Optional<Audience> audience(long statusId, boolean withFollowers) {
        Optional<Status> found = statuses.find(statusId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Status status = found.get();
        Set<Long> reached = new LinkedHashSet<>();
        if (status.visibility() == Visibility.DIRECT) {
            reached.addAll(statuses.mentions(List.of(statusId)).getOrDefault(statusId, List.of()));
        } else {
            if (withFollowers) {
                reached.addAll(status.isReblog() ? follows.followersShowingReblogs(status.accountId())
                        : follows.allFollowers(status.accountId()));
            }
            if (status.visibility() == Visibility.PUBLIC && !status.isReblog()) {
                reached.addAll(followedTags.followersOfAny(
                        statuses.tags(List.of(statusId)).getOrDefault(statusId, List.of())));
            }
        }
        reached.remove(status.accountId());
        return Optional.of(new Audience(new HomeEntry(status.id(), status.accountId(), status.reblogOfId()), reached));
    }

    /**
     * What each of these statuses reaches, in a constant number of queries (one per status with hashtags);
     * those gone are left out. The rules are {@link #audience}'s.
     */
    public Map<Long, Reach> reach(Collection<Long> statusIds) {
        Map<Long, Status> found = statuses.findAll(statusIds);
        List<Long> direct = new ArrayList<>();
        List<Long> publicOriginals = new ArrayList<>();
        found.values().forEach(s -> {
            if (s.visibility() == Visibility.DIRECT) {
                direct.add(s.id());
            } else if (s.visibility() == Visibility.PUBLIC && !s.isReblog()) {
                publicOriginals.add(s.id());
            }
        });
        Map<Long, List<Long>> mentions = direct.isEmpty() ? Map.of() : statuses.mentions(direct);
        Map<Long, List<String>> tags = publicOriginals.isEmpty() ? Map.of() : statuses.tags(publicOriginals);
        Map<Long, Reach> reach = new java.util.HashMap<>();
        for (Status s : found.values()) {
            Set<Long> others = new LinkedHashSet<>(s.visibility() == Visibility.DIRECT
                    ? mentions.getOrDefault(s.id(), List.of())
                    : followedTags.followersOfAny(tags.getOrDefault(s.id(), List.of())));
            others.remove(s.accountId());
            reach.put(s.id(), new Reach(new HomeEntry(s.id(), s.accountId(), s.reblogOfId()),
                    s.visibility() != Visibility.DIRECT, others));
        }
        return reach;
    }

    /** Every follow of these authors. */
    public List<Follow> followersOf(Collection<Long> authorIds) {
        return follows(follows.followersOfAll(authorIds));
    }

    /** Every follow these accounts made. */
    public List<Follow> followedBy(Collection<Long> accountIds) {
        return follows(follows.followsOfAll(accountIds));
    }

    private static List<Follow> follows(List<Follows.Edge> edges) {
        return edges.stream().map(e -> new Follow(e.accountId(), e.targetId(), e.showReblogs())).toList();
    }

    /** Every home a deleted status may have reached (its row is gone: the event tells what it said). */
    public Set<Long> audienceOf(StatusDeleted deleted, boolean withFollowers) {
        Set<Long> reached = new LinkedHashSet<>(deleted.mentioned());
        if (withFollowers) {
            reached.addAll(follows.allFollowers(deleted.authorId()));
        }
        reached.addAll(followedTags.followersOfAny(deleted.tags()));
        reached.remove(deleted.authorId());
        return reached;
    }

    /** A cold home timeline's newest lines, from the database query. */
    public List<HomeEntry> rebuild(long viewerId, int limit) {
        return fromDatabase(viewerId, new PageRequest(null, null, null, limit));
    }

    /** A page of home lines from the database query (the store keeps only the newest lines). */
    public List<HomeEntry> fromDatabase(long viewerId, PageRequest page) {
        return statuses.home(viewerId, page).stream()
                .map(s -> new HomeEntry(s.id(), s.accountId(), s.reblogOfId())).toList();
    }

    /** The newest lines of an author the viewer follows (none if it does not), for a follow's backfill. */
    public List<HomeEntry> recentForFollower(long viewerId, long authorId, int limit) {
        return statuses.recentForFollower(viewerId, authorId, limit).stream().map(HomeTimelineQueries::entry).toList();
    }

    /**
     * Those of {@code accounts} the viewer follows, each with whether the viewer sees its reblogs at home
     * (remembered per viewer: every follow change evicts it).
     */
    public Map<Long, Boolean> followedAmong(long viewerId, Set<Long> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        Map<Long, Boolean> followed = new java.util.HashMap<>();
        follows.optionsAmong(viewerId, accounts).forEach((id, options) -> followed.put(id, options.showReblogs()));
        return followed;
    }

    /** A page of these authors' home lines (a reblog only from those mapped to true), as home reads them. */
    public List<HomeEntry> linesOf(Map<Long, Boolean> authorsShowingReblogs, PageRequest page) {
        List<Long> withReblogs = new ArrayList<>();
        List<Long> withoutReblogs = new ArrayList<>();
        authorsShowingReblogs.forEach((id, reblogs) -> (reblogs ? withReblogs : withoutReblogs).add(id));
        return statuses.linesBy(withReblogs, withoutReblogs, page).stream().map(HomeTimelineQueries::entry).toList();
    }

    /** An author's newest home lines, to be kept for its followers (a big account's). */
    public List<HomeEntry> newestLines(long authorId, int limit) {
        return linesOf(Map.of(authorId, true), new PageRequest(null, null, null, limit));
    }

    /** The ids of an author's newest statuses. */
    public List<Long> recentIds(long authorId, int limit) {
        return statuses.recentIds(authorId, limit);
    }

    /** Accounts with more followers than the threshold: their posts are merged in at read time. */
    public Set<Long> accountsWithMoreFollowersThan(long threshold) {
        return follows.withMoreFollowersThan(threshold);
    }

    private static HomeEntry entry(Statuses.Line line) {
        return new HomeEntry(line.id(), line.accountId(), line.reblogOfId());
    }
}
