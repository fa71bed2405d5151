package app.omnia.messaging.domain;

import java.util.Base64;
import java.util.Optional;

/**
 * What a message may carry: plain text in an ordinary conversation, only opaque base64 ciphertext in an
 * end-to-end encrypted one (the server must never hold plaintext there). Answers the first field at fault.
 */
public final class MessageContent {

    public static final int MAX_CLIENT_ID = 64;
    /** Images on one message, as on a Mastodon status. */
    public static final int MAX_ATTACHMENTS = 4;

    private MessageContent() {
    }

    /** A field that breaks a rule, with Mastodon's error code. */
    public record Fault(String field, String code, String message) {}

    public static Optional<Fault> check(boolean encrypted, String text, String ciphertext, int maxCharacters,
                                        int maxCiphertext) {
        return check(encrypted, text, ciphertext, maxCharacters, maxCiphertext, 0);
    }

    /**
     * As above, with {@code attachments} images named in {@code media_ids}: an image may go without text, and
     * an encrypted conversation takes no plaintext media either (its clients encrypt the image and send it,
     * or a key to it, inside the ciphertext).
     */
    public static Optional<Fault> check(boolean encrypted, String text, String ciphertext, int maxCharacters,
                                        int maxCiphertext, int attachments) {
        if (attachments > MAX_ATTACHMENTS) {
            return fault("media_ids", "ERR_TOO_LONG", "media_ids has too many attachments (maximum is "
                    + MAX_ATTACHMENTS + ")");
        }
        if (encrypted && attachments > 0) {
            return fault("media_ids", "ERR_INVALID", "media_ids is not accepted in an end-to-end encrypted "
                    + "conversation: encrypt the image on the device and send it inside the ciphertext");
        }
        if (encrypted) {
            if (text != null) {
                return fault("text", "ERR_INVALID", "text is not accepted in an end-to-end encrypted conversation: send ciphertext");
            }
            if (ciphertext == null || ciphertext.isBlank()) {
                return fault("ciphertext", "ERR_BLANK", "ciphertext can't be blank");
            }
            if (ciphertext.length() > maxCiphertext) {
                return fault("ciphertext", "ERR_TOO_LONG", "ciphertext is longer than " + maxCiphertext + " characters");
            }
            try {
                Base64.getDecoder().decode(ciphertext);
            } catch (IllegalArgumentException e) {
                return fault("ciphertext", "ERR_INVALID", "ciphertext must be base64");
            }
            return Optional.empty();
        }
        if (ciphertext != null) {
            return fault("ciphertext", "ERR_INVALID", "ciphertext is only accepted in end-to-end encrypted conversations");
        }
        if ((text == null || text.isBlank()) && attachments == 0) {
            return fault("text", "ERR_BLANK", "text can't be blank");
        }
        if (text == null) {
            return Optional.empty();
        }
        if (text.codePointCount(0, text.length()) > maxCharacters) {
            return fault("text", "ERR_TOO_LONG", "text is longer than " + maxCharacters + " characters");
        }
        return Optional.empty();
    }

    /** Client message ids: 1 to 64 visible ASCII characters (a UUID, a counter...). */
    public static Optional<Fault> checkClientId(String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) {
            return fault("client_message_id", "ERR_BLANK", "client_message_id can't be blank");
        }
        if (clientMessageId.length() > MAX_CLIENT_ID || !clientMessageId.chars().allMatch(c -> c > 32 && c < 127)) {
            return fault("client_message_id", "ERR_INVALID",
                    "client_message_id must be 1 to " + MAX_CLIENT_ID + " visible ASCII characters");
        }
        return Optional.empty();
    }

    private static Optional<Fault> fault(String field, String code, String message) {
        return Optional.of(new Fault(field, code, message));
    }
}
