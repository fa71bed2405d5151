package app.omnia.social;

/**
 * A status (or a reblog) was published; listeners run once the transaction has committed. It says who wrote it
 * and what it shares, so that the author's own home timeline takes it without reading it back.
 */
public record StatusPublished(long statusId, long authorId, Long reblogOfId) {

    public HomeEntry line() {
        return new HomeEntry(statusId, authorId, reblogOfId);
    }
}
