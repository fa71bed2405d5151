package app.omnia.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Builds Mastodon's {@code Link} header for a page of results sorted newest first: {@code next} asks
 * for older items ({@code max_id} = the last id), {@code prev} for newer ones ({@code min_id} = the
 * first id). Other query parameters of the request are kept.
 */
public final class LinkHeader {

    private LinkHeader() {
    }

    /**
     * @param requestUrl the full URL of the request, query included
     * @param ids        the page's ids as sent, newest first
     * @param limit      the limit in force
     */
    public static Optional<String> forPage(String requestUrl, List<Long> ids, int limit) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // Split once for both links (a timeline answers with this header on every page it serves).
        int question = requestUrl.indexOf('?');
        String path = question < 0 ? requestUrl : requestUrl.substring(0, question);
        StringBuilder kept = new StringBuilder(path).append('?');
        if (question >= 0) {
            for (String pair : requestUrl.substring(question + 1).split("&")) {
                if (!pair.isEmpty() && !REPLACED.contains(nameOf(pair))) {
                    kept.append(pair).append('&');
                }
            }
        }
        kept.append("limit=").append(limit).append('&');
        String next = kept + "max_id=" + ids.getLast();
        String prev = kept + "min_id=" + ids.getFirst();
        return Optional.of("<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"");
    }

    /** Sets the {@code Link} header for a page on the response, when there is one. */
    public static void set(HttpServletRequest request, HttpServletResponse response, List<Long> ids, int limit) {
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        forPage(url, ids, limit).ifPresent(link -> response.setHeader("Link", link));
    }

    /** The cursors and the limit: the links set them anew, other parameters are kept as they came. */
    private static final Set<String> REPLACED = Set.of("max_id", "since_id", "min_id", "limit");

    private static String nameOf(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0 ? pair : pair.substring(0, equals);
    }
}
