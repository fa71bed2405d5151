package app.omnia.messaging;

import java.time.Instant;

/**
 * A copy of a chat message for a report, taken when it is reported, so that deleting the message later keeps
 * the evidence. {@code text} is null for an end-to-end encrypted message (the server cannot read it).
 */
public record MessageEvidence(long messageId, long conversationId, long senderId, String text, boolean encrypted,
                              Instant sentAt) {}
