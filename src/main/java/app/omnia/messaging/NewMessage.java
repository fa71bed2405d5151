package app.omnia.messaging;

/** What a client sends: its own id for the message (resends repeat it), text or ciphertext, and a reply target. */
public record NewMessage(String clientMessageId, String text, String ciphertext, Long replyToId) {}
