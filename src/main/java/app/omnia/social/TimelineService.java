package app.omnia.social;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Statuses;

/**
 * Timelines read straight from the database, correct and simple (the fan-out store is the timeline
 * module's work). Every page is filtered through the status policy before it is returned.
 */
@Service
public class TimelineService {

    private final Statuses statuses;
    private final Follows follows;
    private final FollowService followService;
    private final StatusService statusService;

    TimelineService(Statuses statuses, Follows follows, FollowService followService, StatusService statusService) {
        this.statuses = statuses;
        this.follows = follows;
        this.followService = followService;
        this.statusService = statusService;
    }

    public List<Status> home(long viewerId, PageRequest page) {
        return withoutMuted(viewerId, visibleTo(viewerId, statuses.home(viewerId, page)));
    }

    public List<Status> publicTimeline(Long viewerId, boolean onlyMedia, PageRequest page) {
        return withoutMuted(viewerId, visibleTo(viewerId, statuses.publicTimeline(onlyMedia, page)));
    }

    public List<Status> tag(Long viewerId, String tag, boolean onlyMedia, PageRequest page) {
        return withoutMuted(viewerId, visibleTo(viewerId,
                statuses.tagged(tag.toLowerCase(Locale.ROOT), onlyMedia, page)));
    }

    /** Muted accounts leave the feeds (not a profile one visits on purpose, nor a thread). */
    private List<Status> withoutMuted(Long viewerId, List<Status> page) {
        Set<Long> muted = followService.mutedBy(viewerId);
        if (muted.isEmpty()) {
            return page;
        }
        Map<Long, Status> originals = statuses.findAll(page.stream().filter(Status::isReblog)
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
