package app.omnia.social;

/** A status (or a reblog) was published; listeners run once the transaction has committed. */
public record StatusPublished(long statusId) {
}
