package app.omnia.platform.web;

import java.util.List;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

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
        String next = pageUrl(requestUrl, "max_id", ids.getLast(), limit);
        String prev = pageUrl(requestUrl, "min_id", ids.getFirst(), limit);
        return Optional.of("<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"");
    }

    /** Sets the {@code Link} header for a page on the response, when there is one. */
    public static void set(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                           List<Long> ids, int limit) {
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        forPage(url, ids, limit).ifPresent(link -> response.setHeader("Link", link));
    }

    private static String pageUrl(String requestUrl, String cursor, long id, int limit) {
        return UriComponentsBuilder.fromUriString(requestUrl)
                .replaceQueryParam("max_id")
                .replaceQueryParam("since_id")
                .replaceQueryParam("min_id")
                .replaceQueryParam("limit", limit)
                .replaceQueryParam(cursor, id)
                .build()
                .toUriString();
    }
}
