package app.omnia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.domain.Pkce;
import app.omnia.identity.domain.RedirectUris;
import app.omnia.identity.persistence.AccessTokens;
import app.omnia.identity.persistence.Accounts;
import app.omnia.identity.persistence.Applications;
import app.omnia.identity.persistence.Applications.Application;
import app.omnia.identity.persistence.AuthorizationCodes;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.security.Scopes;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ApiException.FieldError;

/**
 * Mastodon-compatible OAuth 2: application registration, the authorization-code grant (with PKCE S256
 * and the out-of-band redirect), client credentials, and revocation. Secrets are returned once and stored
 * hashed.
 */
@Service
public class OAuthService {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_NAME = 60;

    /** An application as registered, with its client secret in clear (only at registration). */
    public record RegisteredApp(Application app, String clientSecret) {}

    /** A checked authorization request, ready for the consent page. */
    public record AuthorizationRequest(Application app, String redirectUri, Set<String> scopes, String state,
                                       String codeChallenge) {}

    private final Applications applications;
    private final AuthorizationCodes codes;
    private final AccessTokens tokens;
    private final Accounts accounts;
    private final IdGenerator ids;
    private final Clock clock;
    private final CredentialRevocation revocation;

    OAuthService(Applications applications, AuthorizationCodes codes, AccessTokens tokens, Accounts accounts,
                 IdGenerator ids, Clock clock, CredentialRevocation revocation) {
        this.revocation = revocation;
        this.applications = applications;
        this.codes = codes;
        this.tokens = tokens;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public RegisteredApp registerApp(String name, List<String> redirectUris, String scopeText, String website) {
        List<FieldError> errors = new ArrayList<>();
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty()) {
            errors.add(new FieldError("client_name", "ERR_BLANK", "client_name can't be blank"));
        } else if (trimmedName.length() > MAX_NAME) {
            errors.add(new FieldError("client_name", "ERR_TOO_LONG", "client_name is too long (maximum is 60 characters)"));
        }
        List<String> uris = redirectUris.stream().flatMap(u -> List.of(u.trim().split("\\s+")).stream())
                .filter(u -> !u.isEmpty()).distinct().toList();
        if (uris.isEmpty()) {
            errors.add(new FieldError("redirect_uris", "ERR_BLANK", "redirect_uris can't be blank"));
        } else if (String.join("\n", uris).length() > RedirectUris.MAX_TOTAL) {
            errors.add(new FieldError("redirect_uris", "ERR_TOO_LONG", "redirect_uris are too long altogether"));
        } else if (!uris.stream().allMatch(RedirectUris::acceptable)) {
            errors.add(new FieldError("redirect_uris", "ERR_INVALID", "redirect_uris must be absolute URIs"));
        }
        Set<String> scopes = Scopes.parse(scopeText);
        if (!Scopes.allKnown(scopes)) {
            errors.add(new FieldError("scopes", "ERR_INVALID", "scopes contains an unknown scope"));
        }
        String site = website == null || website.isBlank() ? null : website.trim();
        if (site != null && (site.length() > 2000 || !site.matches("(?i)https?://\\S+"))) {
            errors.add(new FieldError("website", "ERR_INVALID", "website must be an http(s) URL"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        String secret = Tokens.newSecret();
        Application app = new Application(ids.next(), trimmedName, site, uris, scopes, Tokens.newSecret(),
                Tokens.hash(secret), clock.instant());
        applications.insert(app);
        return new RegisteredApp(app, secret);
    }

    public Optional<Application> application(long id) {
        return applications.findById(id);
    }

    /**
     * Checks an authorization request. An unknown client or a redirect URI it did not register cannot be
     * answered by redirect (that would be an open redirect): those throw a 400 shown to the person.
     */
    public AuthorizationRequest checkAuthorization(String responseType, String clientId, String redirectUri,
                                                   String scope, String state, String challenge, String method) {
        Application app = Optional.ofNullable(clientId).flatMap(applications::findByClientId)
                .orElseThrow(() -> ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_client",
                        "Client authentication failed due to unknown client"));
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_redirect_uri",
                    "The redirect uri included is not valid.");
        }
        if (!"code".equals(responseType)) {
            throw ApiException.oauth(HttpStatus.BAD_REQUEST, "unsupported_response_type",
                    "The authorization server does not support this response type.");
        }
        Set<String> scopes = Scopes.parse(scope);
        if (!Scopes.allKnown(scopes) || !Scopes.coversAll(app.scopes(), scopes)) {
            throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_scope",
                    "The requested scope is invalid, unknown, or malformed.");
        }
        if (challenge != null && !challenge.isEmpty()) {
            if (method != null && !method.isEmpty() && !Pkce.S256.equals(method)) {
                throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_request",
                        "Only the S256 code_challenge_method is supported.");
            }
            if (!Pkce.validChallenge(challenge)) {
                throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_request", "code_challenge is malformed.");
            }
        }
        return new AuthorizationRequest(app, redirectUri, scopes, state,
                challenge == null || challenge.isEmpty() ? null : challenge);
    }

    /** The person approved the request: a single-use code bound to app, redirect URI, scopes and challenge. */
    @Transactional
    public String approve(AuthorizationRequest request, long accountId) {
        String code = Tokens.newSecret();
        codes.insert(new AuthorizationCodes.Code(Tokens.hash(code), request.app().id(), accountId,
                request.redirectUri(), request.scopes(), request.codeChallenge(),
                request.codeChallenge() == null ? null : Pkce.S256, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The code is spent by any attempt, right or wrong (no rollback), so a verifier cannot be guessed at. */
    @Transactional(noRollbackFor = ApiException.class)
    public IssuedToken exchangeCode(Application client, String code, String redirectUri, String verifier) {
        if (code == null || code.isBlank()) {
            throw invalidRequest("code");
        }
        AuthorizationCodes.Code grant = codes.take(Tokens.hash(code))
                .filter(c -> c.applicationId() == client.id())
                .filter(c -> c.expiresAt().isAfter(clock.instant()))
                .filter(c -> c.redirectUri().equals(redirectUri))
                .filter(c -> c.codeChallenge() == null || Pkce.matches(c.codeChallenge(), verifier))
                .orElseThrow(OAuthService::invalidGrant);
        Account account = accounts.findById(grant.accountId()).filter(Account::canAct)
                .filter(a -> !accounts.loginDisabled(a.id())).orElseThrow(OAuthService::invalidGrant);
        return issue(client.id(), account.id(), grant.scopes());
    }

    @Transactional
    public IssuedToken clientCredentials(Application client, String scope) {
        Set<String> scopes = Scopes.parse(scope);
        if (!Scopes.allKnown(scopes) || !Scopes.coversAll(client.scopes(), scopes)) {
            throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_scope",
                    "The requested scope is invalid, unknown, or malformed.");
        }
        return issue(client.id(), null, scopes);
    }

    /** A token for a user, e.g. right after sign-up through an app. */
    @Transactional
    public IssuedToken issue(long applicationId, Long accountId, Set<String> scopes) {
        String token = Tokens.newSecret();
        Instant now = clock.instant();
        tokens.insert(ids.next(), Tokens.hash(token), applicationId, accountId, scopes, now);
        return new IssuedToken(token, scopes, now);
    }

    /** Client authentication for the token and revoke endpoints (client_secret_post or _basic). */
    public Application authenticateClient(String clientId, String clientSecret) {
        return Optional.ofNullable(clientId).flatMap(applications::findByClientId)
                .filter(app -> clientSecret != null && Tokens.equal(app.clientSecretHash(), Tokens.hash(clientSecret)))
                .orElseThrow(() -> ApiException.oauth(HttpStatus.UNAUTHORIZED, "invalid_client",
                        "Client authentication failed due to unknown client, no client authentication included, "
                                + "or unsupported authentication method."));
    }

    /** RFC 7009: revoking an unknown or already revoked token succeeds; another client's token is refused. */
    @Transactional
    public void revoke(Application client, String token) {
        if (token == null || token.isBlank()) {
            throw invalidRequest("token");
        }
        String hash = Tokens.hash(token);
        Long owner = tokens.findActive(hash).map(AccessTokens.Token::accountId).orElse(null);
        if (tokens.revoke(hash, client.id(), clock.instant())) {
            revocation.tokenRevoked(hash, owner);
            return;
        }
        tokens.findActive(hash).ifPresent(other -> {
            throw ApiException.oauth(HttpStatus.FORBIDDEN, "unauthorized_client",
                    "You are not authorized to revoke this token");
        });
    }

    static ApiException invalidRequest(String parameter) {
        return ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_request",
                "Missing required parameter: " + parameter + ".");
    }

    private static ApiException invalidGrant() {
        return ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_grant",
                "The provided authorization grant is invalid, expired, revoked, does not match the redirection "
                        + "URI used in the authorization request, or was issued to another client.");
    }
}
