package app.omnia.platform.security;

import java.util.Optional;

/**
 * Turns a presented secret into a {@link Viewer}. Implemented by the identity module, which owns tokens
 * and sessions; the platform's filter only knows this port.
 */
public interface CredentialResolver {

    Optional<Viewer> fromBearerToken(String token);

    /**
     * As {@link #fromBearerToken}, but never answered from a cache: for re-checking open sockets once a
     * revocation or suspension has been announced, whichever copy's cache has heard of it yet.
     */
    default Optional<Viewer> recheckBearerToken(String token) {
        return fromBearerToken(token);
    }

    Optional<Viewer> fromSessionCookie(String cookieValue);
}
