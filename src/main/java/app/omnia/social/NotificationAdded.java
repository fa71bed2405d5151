package app.omnia.social;

/** A notification was written for {@code recipient}; listeners run once the transaction has committed. */
public record NotificationAdded(long notificationId, long recipient) {
}
