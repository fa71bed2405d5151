package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.FollowService;
import app.omnia.social.InteractionService;
import app.omnia.social.NewPoll;
import app.omnia.social.MediaService;
import app.omnia.social.NewStatus;
import app.omnia.social.ScheduledStatusService;
import app.omnia.social.StatusService;
import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Interactions;
import app.omnia.social.persistence.Interactions.Kind;
import app.omnia.social.persistence.StatusEdits;
import app.omnia.social.persistence.Statuses;

/** Mastodon's statuses API: post, read, delete, thread context, and the interactions on a status. */
@RestController
class StatusesController {

    private final StatusService statuses;
    private final InteractionService interactions;
    private final Statuses store;
    private final StatusJsons json;
    private final AccountService accounts;
    private final FollowService follows;
    private final Links links;
    private final ScheduledStatusService scheduled;
    private final ScheduledStatusJsons scheduledJson;
    private final MediaService media;

    StatusesController(StatusService statuses, InteractionService interactions, Statuses store, StatusJsons json,
                       AccountService accounts, FollowService follows, Links links, ScheduledStatusService scheduled,
                       ScheduledStatusJsons scheduledJson, MediaService media) {
        this.scheduledJson = scheduledJson;
        this.scheduled = scheduled;
        this.media = media;
        this.follows = follows;
        this.statuses = statuses;
        this.interactions = interactions;
        this.store = store;
        this.json = json;
        this.accounts = accounts;
        this.links = links;
    }

    @PostMapping("/api/v1/statuses")
    @RequiresScope("write:statuses")
    Object post(Params params, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Viewer viewer = CurrentViewer.require();
        NewStatus request = new NewStatus(params.string("status").orElse(null),
                params.string("spoiler_text").orElse(null), params.bool("sensitive").orElse(null),
                params.string("visibility").orElse(null), params.string("language").orElse(null),
                params.string("in_reply_to_id").orElse(null), mediaIds(params), poll(params),
                params.string("quoted_status_id").orElse(null), params.string("scheduled_at").orElse(null),
                params.string("reply_policy").orElse(null), params.string("quote_approval_policy").orElse(null));
        if (request.scheduledAt() != null && !request.scheduledAt().isBlank()) {
            // Mastodon answers a ScheduledStatus instead of a Status when the post is for later.
            return scheduledJson.of(scheduled.schedule(viewer, request, key));
        }
        return json.one(statuses.post(viewer, request, key), viewer.accountId());
    }

    @GetMapping("/api/v1/statuses/{id}")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    StatusJson get(@PathVariable String id) {
        Long viewer = viewerId();
        return json.one(statuses.visible(viewer, PathIds.parse(id)), viewer);
    }

    /** Answers the deleted status with its source text, so that an app can offer "delete and redraft". */
    @DeleteMapping("/api/v1/statuses/{id}")
    @RequiresScope("write:statuses")
    StatusJson delete(@PathVariable String id) {
        Viewer viewer = CurrentViewer.require();
        Status status = statuses.visible(viewer.accountId(), PathIds.parse(id));
        StatusJson answer = json.one(status, viewer.accountId()).withText(status.text());
        statuses.delete(viewer, status.id());
        return answer;
    }

    @PutMapping("/api/v1/statuses/{id}")
    @RequiresScope("write:statuses")
    StatusJson edit(@PathVariable String id, Params params) {
        Viewer viewer = CurrentViewer.require();
        NewStatus request = new NewStatus(params.string("status").orElse(null),
                params.string("spoiler_text").orElse(null), params.bool("sensitive").orElse(null), null,
                params.string("language").orElse(null), null, mediaIds(params), poll(params), null, null, null);
        return json.one(statuses.edit(viewer, PathIds.parse(id), request), viewer.accountId());
    }

    /** Mastodon's StatusEdit entities: every version, oldest first. */
    @GetMapping("/api/v1/statuses/{id}/history")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    List<Map<String, Object>> history(@PathVariable String id) {
        Long viewer = viewerId();
        Status status = statuses.visible(viewer, PathIds.parse(id));
        AccountJson author = json.one(status, viewer).shared().account();
        List<StatusEdits.Version> versions = statuses.history(viewer, status.id());
        // Every version's attachments in one query (an edit may have dropped some: they are kept for this).
        Map<Long, MediaAttachment> attachments = media.byIds(versions.stream()
                .flatMap(v -> v.mediaIds().stream()).collect(java.util.stream.Collectors.toSet()));
        return versions.stream().map(v -> {
            Map<String, Object> edit = new java.util.LinkedHashMap<>();
            edit.put("content", v.content());
            edit.put("spoiler_text", v.spoilerText());
            edit.put("sensitive", v.sensitive());
            edit.put("created_at", app.omnia.platform.web.JsonTime.of(v.at()));
            edit.put("account", author);
            edit.put("poll", v.pollOptions() == null ? null : Map.of("options", v.pollOptions().stream()
                    .map(title -> Map.of("title", title)).toList()));
            edit.put("media_attachments", json.attachments(v.mediaIds().stream().map(attachments::get)
                    .filter(java.util.Objects::nonNull).toList()));
            edit.put("emojis", List.of());
            return edit;
        }).toList();
    }

    /** Mastodon's StatusSource: the plain text to put back in an editor. */
    @GetMapping("/api/v1/statuses/{id}/source")
    @RequiresScope("read:statuses")
    Map<String, String> source(@PathVariable String id) {
        Status status = statuses.visible(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of("id", String.valueOf(status.id()), "text", status.text(), "spoiler_text", status.spoilerText());
    }

    @PostMapping("/api/v1/statuses/{id}/pin")
    @RequiresScope("write:accounts")
    StatusJson pin(@PathVariable String id) {
        return answer(interactions.pin(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/statuses/{id}/unpin")
    @RequiresScope("write:accounts")
    StatusJson unpin(@PathVariable String id) {
        return answer(interactions.unpin(CurrentViewer.require(), PathIds.parse(id)));
    }

    @GetMapping("/api/v1/statuses/{id}/context")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    Map<String, List<StatusJson>> context(@PathVariable String id) {
        Long viewer = viewerId();
        StatusService.Context context = statuses.context(viewer, PathIds.parse(id));
        return Map.of("ancestors", json.page(context.ancestors(), viewer),
                "descendants", json.page(context.descendants(), viewer));
    }

    @PostMapping("/api/v1/statuses/{id}/favourite")
    @RequiresScope("write:favourites")
    StatusJson favourite(@PathVariable String id) {
        return answer(interactions.add(CurrentViewer.require(), Kind.FAVOURITE, PathIds.parse(id)));
    }

    @PostMapping("/api/v1/statuses/{id}/unfavourite")
    @RequiresScope("write:favourites")
    StatusJson unfavourite(@PathVariable String id) {
        return answer(interactions.remove(CurrentViewer.require(), Kind.FAVOURITE, PathIds.parse(id)));
    }

    @PostMapping("/api/v1/statuses/{id}/bookmark")
    @RequiresScope("write:bookmarks")
    StatusJson bookmark(@PathVariable String id) {
        return answer(interactions.add(CurrentViewer.require(), Kind.BOOKMARK, PathIds.parse(id)));
    }

    @PostMapping("/api/v1/statuses/{id}/unbookmark")
    @RequiresScope("write:bookmarks")
    StatusJson unbookmark(@PathVariable String id) {
        return answer(interactions.remove(CurrentViewer.require(), Kind.BOOKMARK, PathIds.parse(id)));
    }

    /** Answers the reblog, which wraps the original, as Mastodon does. */
    @PostMapping("/api/v1/statuses/{id}/reblog")
    @RequiresScope("write:statuses")
    StatusJson reblog(@PathVariable String id) {
        return answer(interactions.reblog(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/statuses/{id}/unreblog")
    @RequiresScope("write:statuses")
    StatusJson unreblog(@PathVariable String id) {
        return answer(interactions.unreblog(CurrentViewer.require(), PathIds.parse(id)));
    }

    @GetMapping("/api/v1/statuses/{id}/favourited_by")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    List<AccountJson> favouritedBy(@PathVariable String id, Params params, HttpServletRequest request,
                                   HttpServletResponse response) {
        PageRequest page = accountPage(params);
        List<Interactions.Entry> entries = interactions.whoFavourited(viewerId(), PathIds.parse(id), page);
        LinkHeader.set(request, response, entries.stream().map(Interactions.Entry::id).toList(), page.limit());
        return accountsJson(entries.stream().map(Interactions.Entry::accountId).toList());
    }

    @GetMapping("/api/v1/statuses/{id}/reblogged_by")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    List<AccountJson> rebloggedBy(@PathVariable String id, Params params, HttpServletRequest request,
                                  HttpServletResponse response) {
        PageRequest page = accountPage(params);
        Status original = statuses.visible(viewerId(), PathIds.parse(id));
        List<Status> reblogs = store.reblogsOf(original.id(), page);
        LinkHeader.set(request, response, reblogs.stream().map(Status::id).toList(), page.limit());
        // Reblogs others may not list (waiting for review, removed) do not name their sharer.
        return accountsJson(statuses.visibleOnly(viewerId(), reblogs).stream().map(Status::accountId).toList());
    }

    /** Mastodon 4.5: the statuses quoting one's own status, visible to its author only. */
    @GetMapping("/api/v1/statuses/{id}/quotes")
    @RequiresScope("read:statuses")
    List<StatusJson> quotes(@PathVariable String id, Params params, HttpServletRequest request,
                            HttpServletResponse response) {
        long viewer = CurrentViewer.requireAccountId();
        Status quoted = statuses.visible(viewer, PathIds.parse(id));
        if (quoted.accountId() != viewer) {
            throw app.omnia.platform.web.ApiException.notFound();
        }
        PageRequest page = params.page(20, 40);
        List<Status> found = store.quotesOf(quoted.id(), page);
        LinkHeader.set(request, response, found.stream().map(Status::id).toList(), page.limit());
        return json.page(statuses.visibleOnly(viewer, found), viewer);
    }

    /**
     * The poll of a status request, or null when it has none: {@code poll[options][]=...&poll[expires_in]=...}
     * in a form, or {@code "poll": {"options": [...], "expires_in": ...}} in JSON. A JSON {@code "poll": null}
     * means no poll; a poll that is not an object is refused by name.
     */
    static NewPoll poll(Params params) {
        boolean given = params.present("poll") || params.has("poll[options]") || params.has("poll[expires_in]")
                || params.has("poll[multiple]") || params.has("poll[hide_totals]");
        if (!given) {
            return null;
        }
        return new NewPoll(params.list("poll[options]"), params.string("poll[expires_in]").orElse(null),
                params.bool("poll[multiple]").orElse(null), params.bool("poll[hide_totals]").orElse(null));
    }

    /**
     * {@code media_ids}, or null when the request does not mention them: an edit then keeps the attachments,
     * while an empty list removes them all (Mastodon's rule).
     */
    private static List<String> mediaIds(Params params) {
        return params.has("media_ids") || params.has("media_ids[]") ? params.list("media_ids") : null;
    }

    private StatusJson answer(Status status) {
        return json.one(status, CurrentViewer.require().accountId());
    }

    /** Who interacted with a status, less the accounts the viewer blocks or is blocked by. */
    private List<AccountJson> accountsJson(List<Long> ids) {
        java.util.Set<Long> hidden = follows.hiddenFrom(viewerId());
        ids = ids.stream().filter(id -> !hidden.contains(id)).toList();
        var views = accounts.views(ids);
        return ids.stream().map(views::get).filter(java.util.Objects::nonNull)
                .map(v -> AccountJson.of(v, links)).toList();
    }

    /** Account lists page 40 by default, 80 at most, as in Mastodon. */
    static PageRequest accountPage(Params params) {
        return params.page(40, 80);
    }

    static Long viewerId() {
        return CurrentViewer.get().map(Viewer::accountId).orElse(null);
    }

}
