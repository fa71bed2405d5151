package app.omnia.identity.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which redirect URIs an OAuth application may register. */
public final class RedirectUris {

    public static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";
    /** All of an application's redirect URIs together (the column's size). */
    public static final int MAX_TOTAL = 4000;
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    private RedirectUris() {
    }

    /** An absolute URI without a fragment, in a scheme that cannot run script; or the out-of-band URN. */
    public static boolean acceptable(String uri) {
        if (OUT_OF_BAND.equals(uri)) {
            return true;
        }
        if (uri == null || uri.isBlank() || uri.length() > 2000) {
            return false;
        }
        try {
            URI parsed = new URI(uri);
            return parsed.isAbsolute() && parsed.getFragment() == null
                    && !FORBIDDEN_SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
