package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.MessageJson;
import app.omnia.messaging.MessageService;
import app.omnia.messaging.NewMessage;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** A conversation's messages, under {@code /api/omnia/v1/chat/conversations/:id}. */
@RestController
@RequestMapping("/api/omnia/v1/chat/conversations/{id}")
class MessagesController {

    private final MessageService messages;

    MessagesController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/messages")
    @RequiresScope(ChatScopes.READ)
    List<MessageJson> list(@PathVariable String id, Params params, HttpServletRequest request,
                           HttpServletResponse response) {
        PageRequest page = params.page(40, 100);
        List<MessageJson> found = messages.page(CurrentViewer.requireAccountId(), PathIds.parse(id), page);
        LinkHeader.set(request, response, found.stream().map(m -> Long.parseLong(m.id())).toList(), page.limit());
        return found;
    }

    /**
     * {@code client_message_id}, {@code text} or {@code ciphertext}, {@code reply_to_id} (or Mastodon's name for
     * it, {@code in_reply_to_id}), {@code media_ids} (up to four of the sender's chat uploads).
     */
    @PostMapping("/messages")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson send(@PathVariable String id, Params params) {
        String replyField = params.present("in_reply_to_id") ? "in_reply_to_id" : "reply_to_id";
        NewMessage message = new NewMessage(params.string("client_message_id").orElse(null),
                params.string("text").orElse(null), params.string("ciphertext").orElse(null),
                RequestIds.optional(params, replyField), params.list("media_ids"));
        return messages.send(CurrentViewer.requireAccountId(), PathIds.parse(id), message);
    }

    @PutMapping("/messages/{messageId}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson edit(@PathVariable String id, @PathVariable String messageId, Params params) {
        return messages.edit(CurrentViewer.requireAccountId(), PathIds.parse(id),
                PathIds.parse(messageId), params.string("text").orElse(null), params.string("ciphertext").orElse(null));
    }

    @DeleteMapping("/messages/{messageId}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson delete(@PathVariable String id, @PathVariable String messageId) {
        return messages.delete(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(messageId));
    }

    /** Delete for me: answers an empty object; the caller's other devices hear {@code chat.message.hide}. */
    @PostMapping("/messages/{messageId}/hide")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> hide(@PathVariable String id, @PathVariable String messageId) {
        messages.hide(CurrentViewer.requireAccountId(), PathIds.parse(id), PathIds.parse(messageId));
        return Map.of();
    }
}
