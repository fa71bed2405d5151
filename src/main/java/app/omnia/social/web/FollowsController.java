package app.omnia.social.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.FollowService;
import app.omnia.social.persistence.Blocks;
import app.omnia.social.persistence.FollowRequests;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.Mutes;

/** Following: follow, unfollow, relationships, and the followers and following lists. */
@RestController
class FollowsController {

    /** Mastodon's Relationship entity; notes, endorsements and domain blocks are not kept yet (false/empty). */
    record RelationshipJson(String id, boolean following, boolean showingReblogs, boolean notifying,
                            List<String> languages, boolean followedBy, boolean blocking, boolean blockedBy,
                            boolean muting, boolean mutingNotifications, boolean requested, boolean requestedBy,
                            boolean domainBlocking, boolean endorsed, String note) {

        static RelationshipJson of(FollowService.Relationship r) {
            return new RelationshipJson(String.valueOf(r.id()), r.following(), r.showingReblogs(), r.notifying(), null,
                    r.followedBy(), r.blocking(), r.blockedBy(), r.muting(), r.mutingNotifications(), r.requested(),
                    r.requestedBy(), false, false, "");
        }
    }

    private final FollowService follows;
    private final AccountService accounts;
    private final Links links;

    FollowsController(FollowService follows, AccountService accounts, Links links) {
        this.follows = follows;
        this.accounts = accounts;
        this.links = links;
    }

    @PostMapping("/api/v1/accounts/{id}/follow")
    @RequiresScope("write:follows")
    RelationshipJson follow(@PathVariable String id, Params params) {
        return RelationshipJson.of(follows.follow(CurrentViewer.require(), PathIds.parse(id),
                params.bool("reblogs").orElse(null), params.bool("notify").orElse(null)));
    }

    @PostMapping("/api/v1/accounts/{id}/unfollow")
    @RequiresScope("write:follows")
    RelationshipJson unfollow(@PathVariable String id) {
        return RelationshipJson.of(follows.unfollow(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/accounts/{id}/remove_from_followers")
    @RequiresScope("write:follows")
    RelationshipJson removeFromFollowers(@PathVariable String id) {
        return RelationshipJson.of(follows.removeFromFollowers(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/accounts/{id}/block")
    @RequiresScope("write:blocks")
    RelationshipJson block(@PathVariable String id) {
        return RelationshipJson.of(follows.block(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/accounts/{id}/unblock")
    @RequiresScope("write:blocks")
    RelationshipJson unblock(@PathVariable String id) {
        return RelationshipJson.of(follows.unblock(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/accounts/{id}/mute")
    @RequiresScope("write:mutes")
    RelationshipJson mute(@PathVariable String id, Params params) {
        long duration = params.string("duration").filter(s -> !s.isBlank()).map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("duration", "duration must be a number of seconds");
            }
        }).orElse(0L);
        return RelationshipJson.of(follows.mute(CurrentViewer.require(), PathIds.parse(id),
                params.bool("notifications").orElse(true), duration));
    }

    @PostMapping("/api/v1/accounts/{id}/unmute")
    @RequiresScope("write:mutes")
    RelationshipJson unmute(@PathVariable String id) {
        return RelationshipJson.of(follows.unmute(CurrentViewer.require(), PathIds.parse(id)));
    }

    @GetMapping("/api/v1/mutes")
    @RequiresScope("read:mutes")
    List<AccountJson> mutes(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = StatusesController.accountPage(params);
        List<Mutes.Mute> rows = follows.muted(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, rows.stream().map(Mutes.Mute::id).toList(), page.limit());
        return json(rows.stream().map(Mutes.Mute::targetAccountId).toList());
    }

    @GetMapping("/api/v1/follow_requests")
    @RequiresScope("read:follows")
    List<AccountJson> followRequests(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = StatusesController.accountPage(params);
        List<FollowRequests.Request> rows = follows.pendingRequests(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, rows.stream().map(FollowRequests.Request::id).toList(), page.limit());
        return json(rows.stream().map(FollowRequests.Request::accountId).toList());
    }

    @PostMapping("/api/v1/follow_requests/{id}/authorize")
    @RequiresScope("write:follows")
    RelationshipJson authorize(@PathVariable String id) {
        return RelationshipJson.of(follows.authorize(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/follow_requests/{id}/reject")
    @RequiresScope("write:follows")
    RelationshipJson reject(@PathVariable String id) {
        return RelationshipJson.of(follows.reject(CurrentViewer.require(), PathIds.parse(id)));
    }

    @GetMapping("/api/v1/blocks")
    @RequiresScope("read:blocks")
    List<AccountJson> blocks(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = StatusesController.accountPage(params);
        List<Blocks.Block> rows = follows.blocked(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, rows.stream().map(Blocks.Block::id).toList(), page.limit());
        return json(rows.stream().map(Blocks.Block::targetAccountId).toList());
    }

    @GetMapping("/api/v1/accounts/relationships")
    @RequiresScope("read:follows")
    List<RelationshipJson> relationships(Params params) {
        List<Long> ids = params.ids("id").stream().limit(40).toList();
        return follows.relationships(CurrentViewer.requireAccountId(), ids).stream().map(RelationshipJson::of).toList();
    }

    @GetMapping("/api/v1/accounts/{id}/followers")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    List<AccountJson> followers(@PathVariable String id, Params params, HttpServletRequest request,
                                HttpServletResponse response) {
        long accountId = visibleAccount(id);
        PageRequest page = StatusesController.accountPage(params);
        List<Follows.Follow> rows = follows.followers(accountId, page);
        LinkHeader.set(request, response, rows.stream().map(Follows.Follow::id).toList(), page.limit());
        return visibleJson(rows.stream().map(Follows.Follow::accountId).toList());
    }

    @GetMapping("/api/v1/accounts/{id}/following")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    List<AccountJson> following(@PathVariable String id, Params params, HttpServletRequest request,
                                HttpServletResponse response) {
        long accountId = visibleAccount(id);
        PageRequest page = StatusesController.accountPage(params);
        List<Follows.Follow> rows = follows.following(accountId, page);
        LinkHeader.set(request, response, rows.stream().map(Follows.Follow::id).toList(), page.limit());
        return visibleJson(rows.stream().map(Follows.Follow::targetAccountId).toList());
    }

    private long visibleAccount(String id) {
        return accounts.visible(CurrentViewer.get().orElse(null), PathIds.parse(id)).account().id();
    }

    private List<AccountJson> json(List<Long> ids) {
        var views = accounts.views(ids);
        return ids.stream().map(views::get).filter(java.util.Objects::nonNull).map(v -> AccountJson.of(v, links))
                .toList();
    }

    /** Lists of other people's follows leave out whoever the viewer blocks or is blocked by. */
    private List<AccountJson> visibleJson(List<Long> ids) {
        java.util.Set<Long> hidden = follows.hiddenFrom(StatusesController.viewerId());
        return json(ids.stream().filter(id -> !hidden.contains(id)).toList());
    }
}
