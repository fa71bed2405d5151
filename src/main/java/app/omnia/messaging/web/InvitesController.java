package app.omnia.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.InviteService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.PathIds;

/** Group invite links: managed under a group, joined under {@code /chat/invites/:token}. */
@RestController
class InvitesController {

    private static final String GROUP = "/api/omnia/v1/chat/conversations/{id}/invites";

    private final InviteService invites;

    InvitesController(InviteService invites) {
        this.invites = invites;
    }

    /** The token appears in this answer only; the server keeps its hash. */
    @PostMapping(GROUP)
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> create(@PathVariable String id) {
        return json(invites.create(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    /** The group's links, newest first, at most 100 (revoked ones included). */
    @GetMapping(GROUP)
    @RequiresScope(ChatScopes.READ)
    List<Map<String, Object>> list(@PathVariable String id) {
        return invites.list(CurrentViewer.requireAccountId(), PathIds.parse(id)).stream()
                .map(InvitesController::json).toList();
    }

    @DeleteMapping(GROUP + "/{inviteId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> revoke(@PathVariable String id, @PathVariable String inviteId) {
        invites.revoke(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(inviteId));
        return Map.of();
    }

    @PostMapping("/api/omnia/v1/chat/invites/{token}/join")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> join(@PathVariable String token) {
        return ChatJsons.conversation(invites.join(CurrentViewer.requireAccountId(), token));
    }

    private static Map<String, Object> json(InviteService.InviteView v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(v.id()));
        json.put("conversation_id", String.valueOf(v.conversationId()));
        json.put("created_by", String.valueOf(v.createdBy()));
        json.put("created_at", JsonTime.of(v.createdAt()));
        json.put("revoked_at", v.revokedAt() == null ? null : JsonTime.of(v.revokedAt()));
        if (v.token() != null) {
            json.put("token", v.token());
        }
        return json;
    }
}
