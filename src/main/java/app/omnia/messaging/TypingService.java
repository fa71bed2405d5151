package app.omnia.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.persistence.Members;
import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Is typing…": an ephemeral {@code chat.typing} event on the other members' {@code chat} stream, on every
 * server copy, and nothing more: not stored, not in sync, no sequence number (a lost one matters to nobody).
 */
@Service
public class TypingService {

    private final ConversationAccess access;
    private final Members members;
    private final Reachability reachability;
    private final ChatLimits limits;
    private final StreamBus bus;
    private final JsonMapper json;

    TypingService(ConversationAccess access, Members members, Reachability reachability, ChatLimits limits,
                  StreamBus bus, JsonMapper json) {
        this.access = access;
        this.members = members;
        this.reachability = reachability;
        this.limits = limits;
        this.bus = bus;
        this.json = json;
    }

    public void typing(long me, long conversationId) {
        var a = access.require(me, conversationId);
        var others = members.accountIds(conversationId).stream().filter(id -> id != me).toList();
        boolean blocked = !a.conversation().isGroup() && others.stream().anyMatch(o -> reachability.blockedEitherWay(me, o));
        if (!ConversationPolicy.canSend(a.conversation(), a.me(), blocked)) {
            throw Reachability.blocked();
        }
        limits.hit(ChatLimits.Name.TYPING, me + ":" + conversationId);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", ChatEventKind.TYPING);
        entry.put("conversation_id", String.valueOf(conversationId));
        entry.put("account_id", String.valueOf(me));
        String payload = json.writeValueAsString(entry);
        for (long other : others) {
            bus.publish(new StreamEvent(ChatStream.channel(other), ChatEventKind.TYPING, payload, Set.of()));
        }
    }
}
