package app.omnia.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import app.omnia.platform.web.ApiException;

/** Reads the request's {@link Viewer} from Spring Security's context. */
public final class CurrentViewer {

    private CurrentViewer() {
    }

    public static Optional<Viewer> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ViewerAuthentication va ? Optional.of(va.getPrincipal()) : Optional.empty();
    }

    /** The signed-in viewer; a 401 problem when there is none. */
    public static Viewer require() {
        return get().orElseThrow(() -> ApiException.unauthorized("The access token is invalid"));
    }

    /** The signed-in user's account id; a 422 like Mastodon's for app-only tokens. */
    public static long requireAccountId() {
        Viewer viewer = require();
        if (viewer.accountId() == null) {
            throw ApiException.unprocessable("This method requires an authenticated user");
        }
        return viewer.accountId();
    }
}
