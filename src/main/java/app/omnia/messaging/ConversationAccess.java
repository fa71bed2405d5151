package app.omnia.messaging;

import org.springframework.stereotype.Component;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.Members;
import app.omnia.messaging.persistence.Rosters;
import app.omnia.platform.web.ApiException;

/** Loads a conversation for someone who may see it; anyone else gets the same 404 as for a missing id. */
@Component
class ConversationAccess {

    record Access(Conversation conversation, Member me) {}

    private final Conversations conversations;
    private final Members members;
    private final Rosters rosters;

    ConversationAccess(Conversations conversations, Members members, Rosters rosters) {
        this.conversations = conversations;
        this.members = members;
        this.rosters = rosters;
    }

    Access require(long accountId, long conversationId) {
        var membership = members.find(conversationId, accountId);
        if (!ConversationPolicy.canSee(membership)) {
            throw ApiException.notFound();
        }
        return new Access(conversations.find(conversationId).orElseThrow(ApiException::notFound), membership.get());
    }

    /** The caller's seat in the conversation's (cached) roster, which also lists every other seat. */
    record Seated(Rosters.Roster roster, Rosters.Seat me) {}

    /** As {@link #require}, from the roster cache: the hot paths (send, typing) usually read nothing. */
    Seated requireSeat(long accountId, long conversationId) {
        Rosters.Roster roster = rosters.find(conversationId).orElseThrow(ApiException::notFound);
        Rosters.Seat me = roster.seat(accountId).filter(s -> ConversationPolicy.canSee(s.state()))
                .orElseThrow(ApiException::notFound);
        return new Seated(roster, me);
    }

    java.util.Optional<Conversation> find(long conversationId) {
        return conversations.find(conversationId);
    }

    Member member(long conversationId, long accountId) {
        return members.find(conversationId, accountId).orElseThrow(ApiException::notFound);
    }
}
