package app.omnia.identity;

import java.time.Instant;
import java.util.Set;

/** A freshly issued access token: the only moment its clear text exists on the server. */
public record IssuedToken(String accessToken, Set<String> scopes, Instant createdAt) {
}
