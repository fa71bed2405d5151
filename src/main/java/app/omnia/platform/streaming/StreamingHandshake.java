package app.omnia.platform.streaming;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.security.CredentialResolver;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;

/**
 * Who may open a socket. The token comes, as Mastodon accepts it, from {@code Authorization: Bearer}, the
 * {@code Sec-WebSocket-Protocol} header or the {@code access_token} parameter; Omnia's web client may use its
 * session cookie. A browser always sends {@code Origin}, and a page from a foreign origin is refused unless
 * configured, so that no other site can ride a signed-in browser's cookie (cross-site WebSocket hijacking).
 */
class StreamingHandshake implements HandshakeInterceptor {

    private final CredentialResolver credentials;
    private final List<String> allowedOrigins;
    private final int maxSocketsPerAccount;
    private final StreamingHub hub;

    StreamingHandshake(CredentialResolver credentials, OmniaProperties properties, StreamingHub hub) {
        this.credentials = credentials;
        this.hub = hub;
        this.maxSocketsPerAccount = properties.streaming().maxSocketsPerAccount();
        List<String> configured = properties.streaming().allowedOrigins() == null ? List.of()
                : properties.streaming().allowedOrigins().stream().map(StreamingHandshake::origin).toList();
        this.allowedOrigins = configured.isEmpty() ? List.of(origin(properties.baseUrlText())) : configured;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.contains("*") && !allowedOrigins.contains(origin(origin))) {
            return refuse(response, HttpStatus.FORBIDDEN, "This origin may not open a streaming connection");
        }
        Optional<StreamSession.Credential> credential = credential(request);
        if (credential.isEmpty()) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "Missing access token");
        }
        Optional<Viewer> viewer;
        try {
            viewer = credential.get().sessionCookie() ? credentials.fromSessionCookie(credential.get().secret())
                    : credentials.fromBearerToken(credential.get().secret());
        } catch (ApiException refused) {
            return refuse(response, refused.status(), refused.getMessage());
        }
        if (viewer.isEmpty()) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "The access token is invalid");
        }
        if (!viewer.get().isUser()) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "This method requires an authenticated user");
        }
        if (hub.socketsOf(viewer.get().accountId()) >= maxSocketsPerAccount) {
            return refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many streaming connections for this account");
        }
        attributes.put(StreamingSocketHandler.VIEWER, viewer.get());
        attributes.put(StreamingSocketHandler.CREDENTIAL, credential.get());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static Optional<StreamSession.Credential> credential(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new StreamSession.Credential(false, header.substring(7).trim()));
        }
        List<String> protocols = request.getHeaders().get("Sec-WebSocket-Protocol");
        if (protocols != null && !protocols.isEmpty()) {
            String first = protocols.getFirst().split(",")[0].trim();
            if (!first.isEmpty()) {
                return Optional.of(new StreamSession.Credential(false, first));
            }
        }
        String query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
        if (query != null && !query.isBlank()) {
            return Optional.of(new StreamSession.Credential(false,
                    java.net.URLDecoder.decode(query, StandardCharsets.UTF_8)));
        }
        List<String> cookies = request.getHeaders().get(HttpHeaders.COOKIE);
        if (cookies != null) {
            for (String line : cookies) {
                for (String pair : line.split(";")) {
                    String[] parts = pair.trim().split("=", 2);
                    if (parts.length == 2 && parts[0].equals(app.omnia.platform.security.ViewerFilter.SESSION_COOKIE)
                            && !parts[1].isBlank()) {
                        return Optional.of(new StreamSession.Credential(true, parts[1]));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String error) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        try {
            String body = "{\"error\":\"" + error.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException ignored) {
            // The status alone tells the client why.
        }
        return false;
    }

    /** {@code scheme://host[:port]} in lower case, the form browsers send in {@code Origin}. */
    static String origin(String url) {
        if ("*".equals(url.trim())) {
            return "*";
        }
        try {
            URI uri = URI.create(url.trim());
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url.trim().toLowerCase(Locale.ROOT);
        }
    }
}
