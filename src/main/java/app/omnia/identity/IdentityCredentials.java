package app.omnia.identity;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.identity.persistence.AccessTokens;
import app.omnia.identity.persistence.Accounts;
import app.omnia.identity.persistence.CredentialCache;
import app.omnia.identity.persistence.WebSessions;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.security.CredentialResolver;
import app.omnia.platform.security.Viewer;

/**
 * Identity's side of the platform's {@link CredentialResolver}: a token or session is honoured only while
 * it is unrevoked and its account may act (approved, not suspended).
 */
@Component
class IdentityCredentials implements CredentialResolver {

    /** The web client is first-party: a signed-in browser holds every scope; staff powers still need the role. */
    static final Set<String> WEB_SCOPES = Set.of("read", "write", "follow", "push", "profile", "admin:read",
            "admin:write");

    private final AccessTokens tokens;
    private final WebSessions sessions;
    private final Accounts accounts;
    private final Clock clock;
    private final CredentialCache cache;

    IdentityCredentials(AccessTokens tokens, WebSessions sessions, Accounts accounts, Clock clock, CredentialCache cache) {
        this.cache = cache;
        this.tokens = tokens;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** From the credential cache when warm (no query), else one query: the token joined to its account. */
    @Override
    public Optional<Viewer> fromBearerToken(String token) {
        if (token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        return cache.find(hash, () -> tokens.findActiveWithAccount(hash)).flatMap(IdentityCredentials::viewer);
    }

    /** After a revocation or suspension was announced: straight from the database, whatever is cached. */
    @Override
    public Optional<Viewer> recheckBearerToken(String token) {
        if (token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        return tokens.findActiveWithAccount(Tokens.hash(token)).flatMap(IdentityCredentials::viewer);
    }

    private static Optional<Viewer> viewer(AccessTokens.Active active) {
        AccessTokens.Token t = active.token();
        if (t.accountId() == null) {
            return Optional.of(new Viewer(null, t.applicationId(), t.scopes(), null, Viewer.Credential.BEARER_TOKEN));
        }
        Account a = active.account();
        if (a == null) {
            return Optional.empty();
        }
        // A pending or suspended account's token is known but refused, with Mastodon's 403 message.
        SignInService.ensureCanAct(a);
        return Optional.of(new Viewer(a.id(), t.applicationId(), t.scopes(), a.role().key(), Viewer.Credential.BEARER_TOKEN));
    }

    /** From the credential cache when warm (no query), as a token; sign-out evicts it at once. */
    @Override
    public Optional<Viewer> fromSessionCookie(String cookieValue) {
        if (cookieValue.length() > 512) {
            return Optional.empty();
        }
        String hash = Tokens.hash(cookieValue);
        java.time.Instant now = clock.instant();
        return cache.session(hash, () -> sessions.findValid(hash, now))
                .filter(s -> s.expiresAt().isAfter(now))
                .flatMap(s -> cache.account(s.accountId(), () -> accounts.findById(s.accountId())))
                .filter(Account::canAct)
                .map(a -> new Viewer(a.id(), null, WEB_SCOPES, a.role().key(), Viewer.Credential.WEB_SESSION));
    }
}
