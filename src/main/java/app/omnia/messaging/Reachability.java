package app.omnia.messaging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.identity.AccountService;
import app.omnia.messaging.domain.AllowFrom;
import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.ConversationPolicy.Reach;
import app.omnia.messaging.persistence.AllowFromSettings;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.FollowService;

/**
 * Where a new conversation lands for each recipient (active, request) or why it may not reach them, from
 * social's follows and blocks and each recipient's own "who may message me".
 */
@Component
class Reachability {

    private final FollowService follows;
    private final AccountService accounts;
    private final AllowFromSettings allowFrom;

    private final java.time.Clock clock;

    Reachability(FollowService follows, AccountService accounts, AllowFromSettings allowFrom, java.time.Clock clock) {
        this.clock = clock;
        this.follows = follows;
        this.accounts = accounts;
        this.allowFrom = allowFrom;
    }

    /**
     * Every recipient must be an account the sender may see (else 422 naming {@code field}) and reachable
     * (else 403): the whole request is refused before anything is written.
     */
    Map<Long, Reach> require(long senderId, Collection<Long> recipients, String field) {
        Viewer sender = new Viewer(senderId, null, java.util.Set.of(), "user", Viewer.Credential.BEARER_TOKEN);
        for (long id : recipients) {
            if (id == senderId) {
                throw ApiException.validation(field, "ERR_INVALID", field + " must not include yourself");
            }
            try {
                accounts.visible(sender, id);
            } catch (ApiException notFound) {
                throw ApiException.validation(field, "ERR_INVALID", field + " includes an unknown account: " + id);
            }
        }
        Map<Long, AllowFrom> settings = protectMinors(allowFrom.of(recipients));
        Map<Long, Reach> reach = new LinkedHashMap<>();
        for (FollowService.Relationship r : follows.relationships(senderId, List.copyOf(recipients))) {
            Reach where = ConversationPolicy.reach(new ConversationPolicy.Ties(r.blocking() || r.blockedBy(),
                    r.followedBy(), settings.get(r.id())));
            switch (where) {
                case BLOCKED -> throw blocked();
                case NOT_ACCEPTING -> throw new ApiException(HttpStatus.FORBIDDEN, "chat-not-accepting",
                        "Not accepting messages", "Account " + r.id() + " does not accept messages from you",
                        List.of(), Map.of());
                default -> reach.put(r.id(), where);
            }
        }
        return reach;
    }

    /** Whether {@code viewerId} may see account {@code id} at all (it exists, is not suspended...). */
    boolean visible(long viewerId, long id) {
        try {
            accounts.visible(new Viewer(viewerId, null, java.util.Set.of(), "user", Viewer.Credential.BEARER_TOKEN), id);
            return true;
        } catch (ApiException notFound) {
            return false;
        }
    }

    /**
     * Minors are messaged only by people they follow, whatever their own setting says ("everyone" counts as
     * "people I follow"; "nobody" stays nobody): strangers cannot start a conversation or a request.
     */
    private Map<Long, AllowFrom> protectMinors(Map<Long, AllowFrom> settings) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Map<Long, AllowFrom> effective = new LinkedHashMap<>(settings);
        effective.replaceAll((id, allow) -> allow == AllowFrom.EVERYONE
                && accounts.find(id).map(a -> a.minorOn(today)).orElse(false) ? AllowFrom.FOLLOWED : allow);
        return effective;
    }

    /** Whether the account blocks, or is blocked by, any of the others: one query, however many. */
    boolean blockedEitherWay(long account, Collection<Long> others) {
        return follows.blockedEitherWay(account, others);
    }

    boolean blockedEitherWay(long a, long b) {
        return blockedEitherWay(a, List.of(b));
    }

    static ApiException blocked() {
        return new ApiException(HttpStatus.FORBIDDEN, "chat-blocked", "Blocked",
                "You cannot message this account", List.of(), Map.of());
    }
}
