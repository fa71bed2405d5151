package app.omnia.social;

/**
 * One line of a home timeline as a store keeps it: the status, who posted it (the one who shared it, for a
 * reblog) and, for a reblog, the original. Enough to page, drop an author's lines and fold repeated reblogs
 * without loading the status.
 */
public record HomeEntry(long statusId, long authorId, Long reblogOfId) {

    public boolean isReblog() {
        return reblogOfId != null;
    }

    /** The status this line shows: the original for a reblog. */
    public long shownStatusId() {
        return reblogOfId == null ? statusId : reblogOfId;
    }
}
