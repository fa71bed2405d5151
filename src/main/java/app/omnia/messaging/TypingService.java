package app.omnia.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.persistence.Rosters;
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
    private final Reachability reachability;
    private final ChatLimits limits;
    private final StreamBus bus;
    private final JsonMapper json;

    TypingService(ConversationAccess access, Reachability reachability, ChatLimits limits,
                  StreamBus bus, JsonMapper json) {
        this.access = access;
        this.reachability = reachability;
        this.limits = limits;
        this.bus = bus;
        this.json = json;
    }

    public void typing(long me, long conversationId) {
        var a = access.requireSeat(me, conversationId);
        var others = a.roster().seats().stream().filter(s -> s.state() != MemberState.DECLINED)
                .map(Rosters.Seat::accountId).filter(id -> id != me).toList();
        boolean blocked = !a.roster().isGroup() && reachability.blockedEitherWay(me, others);
        if (!ConversationPolicy.canSend(a.roster().isGroup(), blocked)) {
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
