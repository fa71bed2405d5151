package app.omnia.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A message as evidence for a report (see {@link MessageService#evidence}): who sent it where and when, its
 * text, or only the fact that it was end-to-end encrypted (the server cannot read it; a reporter's client
 * may attach the plaintext it decrypted), and its images.
 *
 * @param encrypted  true when the message is ciphertext: {@code text} is then null
 * @param mediaFiles the names of its images' original files in the platform's media store, in order; they stay
 *                   there even if the message is deleted for everyone (see {@link MessageService#evidence})
 * @param deleted    true when the sender deleted it for everyone (text and images are gone)
 */
public record MessageEvidence(long messageId, long conversationId, long senderId, boolean encrypted, String text,
                              List<String> mediaFiles, Instant createdAt, Instant editedAt, boolean deleted) {}
