package app.omnia.platform.web;

/** Ids in URL paths. An id that cannot exist is answered like one that does not: 404, as Mastodon does. */
public final class PathIds {

    private PathIds() {
    }

    public static long parse(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }
}
