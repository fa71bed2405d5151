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
import app.omnia.messaging.domain.Message;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** A conversation's messages and read position, under {@code /api/omnia/v1/chat/conversations/:id}. */
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
        List<Message> found = messages.page(CurrentViewer.requireAccountId(), PathIds.parse(id), page);
        LinkHeader.set(request, response, found.stream().map(Message::id).toList(), page.limit());
        return found.stream().map(MessageJson::of).toList();
    }

    @PostMapping("/messages")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson send(@PathVariable String id, Params params) {
        NewMessage message = new NewMessage(params.string("client_message_id").orElse(null),
                params.string("text").orElse(null), params.string("ciphertext").orElse(null),
                RequestIds.optional(params, "reply_to_id"));
        return MessageJson.of(messages.send(CurrentViewer.requireAccountId(), PathIds.parse(id), message));
    }

    @PutMapping("/messages/{messageId}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson edit(@PathVariable String id, @PathVariable String messageId, Params params) {
        return MessageJson.of(messages.edit(CurrentViewer.requireAccountId(), PathIds.parse(id),
                PathIds.parse(messageId), params.string("text").orElse(null), params.string("ciphertext").orElse(null)));
    }

    @DeleteMapping("/messages/{messageId}")
    @RequiresScope(ChatScopes.WRITE)
    MessageJson delete(@PathVariable String id, @PathVariable String messageId) {
        return MessageJson.of(messages.delete(CurrentViewer.requireAccountId(), PathIds.parse(id),
                PathIds.parse(messageId)));
    }

    /** {@code last_read_id}: the newest message seen; answers the unread count left. */
    @PostMapping("/read")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> read(@PathVariable String id, Params params) {
        long unread = messages.markRead(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("last_read_id").orElse(null));
        return Map.of("conversation_id", id, "unread_count", unread);
    }
}
