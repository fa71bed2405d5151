package app.omnia.social;

/** A status was edited; listeners run once the transaction has committed. */
public record StatusEdited(long statusId) {
}
