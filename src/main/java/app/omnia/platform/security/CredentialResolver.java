package app.omnia.platform.security;

import java.util.Optional;

/**
 * Turns a presented secret into a {@link Viewer}. Implemented by the identity module, which owns tokens
 * and sessions; the platform's filter only knows this port.
 */
public interface CredentialResolver {

    Optional<Viewer> fromBearerToken(String token);

    Optional<Viewer> fromSessionCookie(String cookieValue);
}
