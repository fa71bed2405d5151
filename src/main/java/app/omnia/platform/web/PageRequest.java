package app.omnia.platform.web;

import java.util.Map;

/**
 * Mastodon-style paging parameters. {@code max_id}: older than; {@code since_id}: newer than (newest
 * first); {@code min_id}: newer than, oldest first (the page just above). Ids are parsed strictly: a
 * value that is not a positive number is the caller's mistake and named as such.
 */
public record PageRequest(Long maxId, Long sinceId, Long minId, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;

    /** Reads max_id, since_id, min_id and limit from query parameters (absent ones default). */
    public static PageRequest from(Map<String, String> params) {
        return of(params.get("max_id"), params.get("since_id"), params.get("min_id"), params.get("limit"),
                DEFAULT_LIMIT, MAX_LIMIT);
    }

    public static PageRequest of(String maxId, String sinceId, String minId, String limit, int defaultLimit,
                                 int maxLimit) {
        return new PageRequest(id("max_id", maxId), id("since_id", sinceId), id("min_id", minId),
                limit(limit, defaultLimit, maxLimit));
    }

    /** When min_id is given, the page is read upwards (oldest first) and must be reversed before sending. */
    public boolean ascending() {
        return minId != null && sinceId == null;
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw ApiException.badRequest(name, name + " must not be negative");
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a numeric id");
        }
    }

    /** Like Mastodon, an out-of-range limit is clamped rather than refused; a non-number is refused. */
    private static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            long limit = Long.parseLong(value.trim());
            return (int) Math.max(1, Math.min(limit, maxLimit));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "limit must be a number");
        }
    }
}
