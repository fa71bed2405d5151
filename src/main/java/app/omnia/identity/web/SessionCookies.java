package app.omnia.identity.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import app.omnia.identity.SignInService;
import app.omnia.platform.security.ViewerFilter;

/** The web session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over HTTPS. */
final class SessionCookies {

    /** The double-submit CSRF cookie's name (Spring Security's {@code CookieCsrfTokenRepository} default). */
    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    private SessionCookies() {
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String secret) {
        write(request, response, secret, SignInService.SESSION_LIFETIME);
        // A new session gets a new CSRF token (the next page issues one): a token planted before sign-in is useless.
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(CSRF_COOKIE, "").path("/").maxAge(Duration.ZERO)
                .build().toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        write(request, response, "", Duration.ZERO);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration age) {
        ResponseCookie cookie = ResponseCookie.from(ViewerFilter.SESSION_COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(age)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** Only same-site paths are followed after sign-in: anything else would be an open redirect. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            return "/";
        }
        return returnTo;
    }
}
