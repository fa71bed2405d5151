package app.omnia.messaging;

import org.springframework.stereotype.Component;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.Members;
import app.omnia.platform.web.ApiException;

/** Loads a conversation for someone who may see it; anyone else gets the same 404 as for a missing id. */
@Component
class ConversationAccess {

    record Access(Conversation conversation, Member me) {}

    private final Conversations conversations;
    private final Members members;

    ConversationAccess(Conversations conversations, Members members) {
        this.conversations = conversations;
        this.members = members;
    }

    Access require(long accountId, long conversationId) {
        var membership = members.find(conversationId, accountId);
        if (!ConversationPolicy.canSee(membership)) {
            throw ApiException.notFound();
        }
        return new Access(conversations.find(conversationId).orElseThrow(ApiException::notFound), membership.get());
    }

    /** The caller's access and every member (declined ones included), reading the members once. */
    record WithMembers(Conversation conversation, Member me, java.util.List<Member> members) {}

    WithMembers requireWithMembers(long accountId, long conversationId) {
        java.util.List<Member> all = members.of(conversationId);
        var membership = all.stream().filter(m -> m.accountId() == accountId).findFirst();
        if (!ConversationPolicy.canSee(membership)) {
            throw ApiException.notFound();
        }
        return new WithMembers(conversations.find(conversationId).orElseThrow(ApiException::notFound),
                membership.get(), all);
    }

    java.util.Optional<Conversation> find(long conversationId) {
        return conversations.find(conversationId);
    }

    Member member(long conversationId, long accountId) {
        return members.find(conversationId, accountId).orElseThrow(ApiException::notFound);
    }
}
