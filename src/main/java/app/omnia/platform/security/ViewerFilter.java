package app.omnia.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemResponses;

/**
 * Establishes the request's {@link Viewer} from {@code Authorization: Bearer} (Mastodon apps) or the web
 * session cookie (Omnia's web client). A bearer token that is presented but invalid is refused with 401
 * at once, as Mastodon does, rather than silently treating the caller as anonymous; the resolver may also
 * refuse a known token with its own problem (an account pending approval gets a 403).
 */
public class ViewerFilter extends OncePerRequestFilter {

    public static final String SESSION_COOKIE = "omnia_session";

    private final CredentialResolver resolver;
    private final ProblemResponses problems;

    public ViewerFilter(CredentialResolver resolver, ProblemResponses problems) {
        this.resolver = resolver;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<Viewer> viewer;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                viewer = resolver.fromBearerToken(header.substring(7).trim());
            } catch (ApiException refused) {
                problems.write(request, response, refused);
                return;
            }
            if (viewer.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                problems.write(request, response, ApiException.unauthorized("The access token is invalid"));
                return;
            }
        } else {
            viewer = sessionCookie(request).flatMap(resolver::fromSessionCookie);
        }
        viewer.ifPresent(v -> SecurityContextHolder.getContext().setAuthentication(new ViewerAuthentication(v)));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
