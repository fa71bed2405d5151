package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.ConversationService;
import app.omnia.messaging.ConversationView;
import app.omnia.messaging.MembershipService;
import app.omnia.messaging.domain.MemberState;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Conversations and their members, under {@code /api/omnia/v1/chat/conversations}. */
@RestController
@RequestMapping("/api/omnia/v1/chat/conversations")
class ConversationsController {

    private final ConversationService conversations;
    private final MembershipService memberships;

    ConversationsController(ConversationService conversations, MembershipService memberships) {
        this.conversations = conversations;
        this.memberships = memberships;
    }

    @GetMapping
    @RequiresScope(ChatScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        MemberState state = params.string("state").filter(s -> !s.isBlank()).map(s -> switch (s) {
            case "active" -> MemberState.ACTIVE;
            case "request" -> MemberState.REQUEST;
            default -> throw ApiException.badRequest("state", "state must be active or request");
        }).orElse(null);
        boolean archived = params.bool("archived").orElse(false);
        List<ConversationView> found = conversations.list(CurrentViewer.requireAccountId(), state, archived, page);
        // Ordered by last activity: the cursors are activity positions, not conversation ids.
        LinkHeader.set(request, response, found.stream().map(v -> v.conversation().lastActivityId()).toList(),
                page.limit());
        return found.stream().map(ChatJsons::conversation).toList();
    }

    /** {@code type} direct ({@code account_id}) or group ({@code name}, {@code account_ids}); {@code encrypted}. */
    @PostMapping
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> create(Params params, @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        boolean encrypted = params.bool("encrypted").orElse(false);
        String type = params.string("type").filter(s -> !s.isBlank()).orElse("direct");
        return ChatJsons.conversation(switch (type) {
            case "direct" -> conversations.direct(me, RequestIds.required(params, "account_id"), encrypted);
            case "group" -> conversations.group(me, params.string("name").orElse(null), accountIds(params),
                    encrypted, key);
            default -> throw ApiException.validation("type", "ERR_INVALID", "type must be direct or group");
        });
    }

    @GetMapping("/{id}")
    @RequiresScope(ChatScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return ChatJsons.conversation(conversations.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @PatchMapping("/{id}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> rename(@PathVariable String id, Params params) {
        return ChatJsons.conversation(conversations.rename(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("name").orElse(null)));
    }

    /** {@code media_id}: one of the caller's free chat uploads; a group's owner and admins only. */
    @PutMapping("/{id}/avatar")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> setAvatar(@PathVariable String id, Params params) {
        return ChatJsons.conversation(conversations.setAvatar(CurrentViewer.requireAccountId(), PathIds.parse(id),
                RequestIds.required(params, "media_id") + ""));
    }

    @DeleteMapping("/{id}/avatar")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> removeAvatar(@PathVariable String id) {
        return ChatJsons.conversation(conversations.setAvatar(CurrentViewer.requireAccountId(), PathIds.parse(id), null));
    }

    @PostMapping("/{id}/accept")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> accept(@PathVariable String id) {
        return ChatJsons.conversation(conversations.accept(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    /** The sender is not told (see {@link ConversationService#decline}); answers an empty object. */
    @PostMapping("/{id}/decline")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> decline(@PathVariable String id) {
        conversations.decline(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }

    @PostMapping("/{id}/leave")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> leave(@PathVariable String id) {
        memberships.leave(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }

    @GetMapping("/{id}/members")
    @RequiresScope(ChatScopes.READ)
    List<Map<String, Object>> members(@PathVariable String id) {
        return memberships.list(CurrentViewer.requireAccountId(), PathIds.parse(id)).stream()
                .map(ChatJsons::member).toList();
    }

    @PostMapping("/{id}/members")
    @RequiresScope(ChatScopes.WRITE)
    List<Map<String, Object>> addMembers(@PathVariable String id, Params params) {
        return memberships.add(CurrentViewer.requireAccountId(), PathIds.parse(id), accountIds(params)).stream()
                .map(ChatJsons::member).toList();
    }

    @PutMapping("/{id}/members/{accountId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> setRole(@PathVariable String id, @PathVariable String accountId, Params params) {
        return ChatJsons.member(memberships.setRole(CurrentViewer.requireAccountId(), PathIds.parse(id),
                PathIds.parse(accountId), params.string("role").orElse(null)));
    }

    @DeleteMapping("/{id}/members/{accountId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> remove(@PathVariable String id, @PathVariable String accountId) {
        memberships.remove(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(accountId));
        return Map.of();
    }

    private static List<Long> accountIds(Params params) {
        try {
            return params.ids("account_ids");
        } catch (ApiException notIds) {
            throw ApiException.validation("account_ids", "ERR_INVALID", "account_ids must be a list of ids");
        }
    }
}
