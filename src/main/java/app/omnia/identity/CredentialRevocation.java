package app.omnia.identity;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.omnia.identity.persistence.AccessTokens;
import app.omnia.identity.persistence.CredentialCache;
import app.omnia.identity.persistence.WebSessions;
import app.omnia.platform.security.CredentialsChanged;

/**
 * Ending an account's credentials, in one place: sign-out everywhere, a password change and a suspension
 * all end every web session and token, evict them from the {@link CredentialCache} (so the next request is
 * refused), and open streaming sockets are told to re-check theirs.
 */
@Component
class CredentialRevocation {

    private final WebSessions sessions;
    private final AccessTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CredentialCache cache;

    CredentialRevocation(WebSessions sessions, AccessTokens tokens, ApplicationEventPublisher events, Clock clock,
                         CredentialCache cache) {
        this.cache = cache;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    void revokeEverything(long accountId) {
        cache.sessionsEnded(sessions.hashesOf(accountId));
        sessions.deleteAllOf(accountId);
        cache.tokensRevoked(tokens.activeHashesOf(accountId));
        cache.accountChanged(accountId);
        tokens.revokeAllOf(accountId, clock.instant());
        events.publishEvent(new CredentialsChanged(accountId));
    }

    /** One token was revoked: the account's sockets re-check theirs (only the one using it closes). */
    void tokenRevoked(String tokenHash, Long accountId) {
        cache.tokensRevoked(java.util.List.of(tokenHash));
        if (accountId != null) {
            events.publishEvent(new CredentialsChanged(accountId));
        }
    }
}
