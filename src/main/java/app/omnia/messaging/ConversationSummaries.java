package app.omnia.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Messages;

/**
 * What a conversation list shows beside the conversation itself, as Mastodon's conversations carry their
 * {@code accounts} and {@code last_status}: the first few other members (a direct conversation's other
 * person) and the newest message the viewer can read. Loaded for a whole page at once, in four queries.
 */
@Component
class ConversationSummaries {

    /** Enough to name a group without a title ("Ann, Bob, Cem and 7 others"); the rest is {@code /members}. */
    static final int SHOWN_MEMBERS = 4;

    record Summary(List<Long> otherAccountIds, MessageJson lastMessage) {
        static final Summary NONE = new Summary(List.of(), null);
    }

    private final Members members;
    private final Messages messages;
    private final MessageViews views;

    ConversationSummaries(Members members, Messages messages, MessageViews views) {
        this.members = members;
        this.messages = messages;
        this.views = views;
    }

    Map<Long, Summary> of(long me, Collection<Long> conversationIds) {
        Map<Long, List<Long>> others = members.others(me, conversationIds, SHOWN_MEMBERS);
        Map<Long, MessageJson> newest = views.forViewer(messages.newest(me, conversationIds), me).stream()
                .collect(Collectors.toMap(m -> Long.parseLong(m.conversationId()), Function.identity()));
        return conversationIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                id -> new Summary(others.getOrDefault(id, List.of()), newest.get(id))));
    }

    Summary of(long me, long conversationId) {
        return of(me, List.of(conversationId)).getOrDefault(conversationId, Summary.NONE);
    }
}
