package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.InteractionService;
import app.omnia.social.StatusService;
import app.omnia.social.TimelineService;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Interactions;
import app.omnia.social.persistence.Statuses;

/** Mastodon's timelines: home, public, hashtag, an account's statuses, favourites and bookmarks. */
@RestController
class TimelinesController {

    private final TimelineService timelines;
    private final InteractionService interactions;
    private final StatusService statusService;
    private final Statuses statuses;
    private final AccountService accounts;
    private final StatusJsons json;

    TimelinesController(TimelineService timelines, InteractionService interactions, StatusService statusService,
                        Statuses statuses, AccountService accounts, StatusJsons json) {
        this.timelines = timelines;
        this.interactions = interactions;
        this.statusService = statusService;
        this.statuses = statuses;
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping("/api/v1/timelines/home")
    @RequiresScope("read:statuses")
    List<StatusJson> home(Params params, HttpServletRequest request, HttpServletResponse response) {
        long viewer = CurrentViewer.requireAccountId();
        PageRequest page = page(params);
        return respond(timelines.home(viewer, page), viewer, page, request, response);
    }

    /** Every account is local, so {@code local} and {@code remote} select the same statuses (or none). */
    @GetMapping("/api/v1/timelines/public")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    List<StatusJson> publicTimeline(Params params, HttpServletRequest request, HttpServletResponse response) {
        Long viewer = StatusesController.viewerId();
        PageRequest page = page(params);
        // This server has no remote statuses (yet): "remote only" selects nothing.
        if (params.bool("remote").orElse(false)) {
            return List.of();
        }
        return respond(timelines.publicTimeline(viewer, params.bool("only_media").orElse(false), page), viewer, page,
                request, response);
    }

    @GetMapping("/api/v1/timelines/tag/{hashtag}")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    List<StatusJson> tag(@PathVariable String hashtag, Params params, HttpServletRequest request,
                         HttpServletResponse response) {
        Long viewer = StatusesController.viewerId();
        PageRequest page = page(params);
        return respond(timelines.tag(viewer, hashtag, params.bool("only_media").orElse(false), page), viewer, page,
                request, response);
    }

    @GetMapping("/api/v1/accounts/{id}/statuses")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    List<StatusJson> accountStatuses(@PathVariable String id, Params params, HttpServletRequest request,
                                     HttpServletResponse response) {
        Long viewer = StatusesController.viewerId();
        long accountId = accounts.visible(CurrentViewer.get().orElse(null), PathIds.parse(id)).account().id();
        PageRequest page = page(params);
        if (params.bool("pinned").orElse(false)) {
            return json.page(interactions.pinnedOf(viewer, accountId), viewer);
        }
        boolean excludeReplies = params.bool("exclude_replies").orElse(false);
        List<Status> found = timelines.account(viewer, accountId, excludeReplies,
                params.bool("only_media").orElse(false), page);
        if (params.bool("exclude_reblogs").orElse(false)) {
            found = found.stream().filter(s -> !s.isReblog()).toList();
        }
        return respond(found, viewer, page, request, response);
    }

    @GetMapping("/api/v1/favourites")
    @RequiresScope("read:favourites")
    List<StatusJson> favourites(Params params, HttpServletRequest request, HttpServletResponse response) {
        return interacted(Interactions.Kind.FAVOURITE, params, request, response);
    }

    @GetMapping("/api/v1/bookmarks")
    @RequiresScope("read:bookmarks")
    List<StatusJson> bookmarks(Params params, HttpServletRequest request, HttpServletResponse response) {
        return interacted(Interactions.Kind.BOOKMARK, params, request, response);
    }

    /** Paged by the favourite's (bookmark's) own id, as Mastodon does; statuses no longer visible drop out. */
    private List<StatusJson> interacted(Interactions.Kind kind, Params params, HttpServletRequest request,
                                        HttpServletResponse response) {
        Viewer viewer = CurrentViewer.require();
        PageRequest page = page(params);
        List<Interactions.Entry> entries = interactions.mine(viewer, kind, page);
        Map<Long, Status> byId = statuses.findAll(entries.stream().map(Interactions.Entry::statusId).toList());
        List<Status> visible = statusService.visibleOnly(viewer.accountId(), entries.stream()
                .map(e -> byId.get(e.statusId())).filter(java.util.Objects::nonNull).toList());
        LinkHeader.set(request, response, entries.stream().map(Interactions.Entry::id).toList(), page.limit());
        return json.page(visible, viewer.accountId());
    }

    private List<StatusJson> respond(List<Status> found, Long viewer, PageRequest page, HttpServletRequest request,
                                     HttpServletResponse response) {
        LinkHeader.set(request, response, found.stream().map(Status::id).toList(), page.limit());
        return json.page(found, viewer);
    }

    private static PageRequest page(Params params) {
        return params.page(20, 40);
    }
}
