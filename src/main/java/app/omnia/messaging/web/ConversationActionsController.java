package app.omnia.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.ConversationService;
import app.omnia.messaging.MemberFlagsService;
import app.omnia.messaging.MessageJson;
import app.omnia.messaging.ReactionService;
import app.omnia.messaging.ReceiptService;
import app.omnia.messaging.TypingService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/**
 * What members do around messages, under {@code /api/omnia/v1/chat/conversations/:id}: reactions, typing,
 * delivered and read receipts, and their own mute and archive flags.
 */
@RestController
@RequestMapping("/api/omnia/v1/chat/conversations/{id}")
class ConversationActionsController {

    private final ReactionService reactions;
    private final TypingService typing;
    private final ReceiptService receipts;
    private final MemberFlagsService flags;
    private final ConversationService conversations;

    ConversationActionsController(ReactionService reactions, TypingService typing, ReceiptService receipts,
                                  MemberFlagsService flags, ConversationService conversations) {
        this.reactions = reactions;
        this.typing = typing;
        this.receipts = receipts;
        this.flags = flags;
        this.conversations = conversations;
    }

    /** Like Mastodon's announcement reactions: PUT adds the caller's, DELETE removes it; both answer the message. */
    @PutMapping("/messages/{messageId}/reactions/{emoji}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson react(@PathVariable String id, @PathVariable String messageId, @PathVariable String emoji) {
        return reactions.add(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(messageId), emoji);
    }

    @DeleteMapping("/messages/{messageId}/reactions/{emoji}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson unreact(@PathVariable String id, @PathVariable String messageId, @PathVariable String emoji) {
        return reactions.remove(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(messageId), emoji);
    }

    /** The caller is typing: the other members' sockets hear {@code chat.typing}; nothing is stored. */
    @PostMapping("/typing")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> typing(@PathVariable String id) {
        typing.typing(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }

    /** {@code last_read_id}: the newest message seen; answers the unread count left. */
    @PostMapping("/read")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> read(@PathVariable String id, Params params) {
        long unread = receipts.markRead(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("last_read_id").orElse(null));
        return Map.of("conversation_id", id, "unread_count", unread);
    }

    /** {@code last_delivered_id}: the newest message the caller's devices received. */
    @PostMapping("/delivered")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> delivered(@PathVariable String id, Params params) {
        long delivered = receipts.markDelivered(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("last_delivered_id").orElse(null));
        return Map.of("conversation_id", id, "last_delivered_id", String.valueOf(delivered));
    }

    /** Each member's delivered and read positions, null where receipts are not shared. */
    @GetMapping("/receipts")
    @RequiresScope(ChatScopes.READ)
    List<Map<String, Object>> receipts(@PathVariable String id) {
        return receipts.receipts(CurrentViewer.requireAccountId(), PathIds.parse(id)).stream().map(r -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("account_id", String.valueOf(r.accountId()));
            json.put("last_delivered_id", r.lastDeliveredId() == null ? null : String.valueOf(r.lastDeliveredId()));
            json.put("last_read_id", r.lastReadId() == null ? null : String.valueOf(r.lastReadId()));
            return json;
        }).toList();
    }

    @PostMapping("/mute")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> mute(@PathVariable String id) {
        return mute(id, true);
    }

    @PostMapping("/unmute")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> unmute(@PathVariable String id) {
        return mute(id, false);
    }

    @PostMapping("/archive")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> archive(@PathVariable String id) {
        return archive(id, true);
    }

    @PostMapping("/unarchive")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> unarchive(@PathVariable String id) {
        return archive(id, false);
    }

    private Map<String, Object> mute(String id, boolean muted) {
        long me = CurrentViewer.requireAccountId();
        flags.setMuted(me, PathIds.parse(id), muted);
        return ChatJsons.conversation(conversations.get(me, PathIds.parse(id)));
    }

    private Map<String, Object> archive(String id, boolean archived) {
        long me = CurrentViewer.requireAccountId();
        flags.setArchived(me, PathIds.parse(id), archived);
        return ChatJsons.conversation(conversations.get(me, PathIds.parse(id)));
    }
}
