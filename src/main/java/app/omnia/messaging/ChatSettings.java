package app.omnia.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chat settings ({@code omnia.chat.*}), owned by this module rather than added to the platform's
 * record, so that the platform does not know about chat. Defaults live in application.yml and the README.
 *
 * @param maxGroupMembers         most members in a group, its creator included
 * @param maxMessageCharacters    longest text message (at most 20,000: the column's size)
 * @param maxCiphertextCharacters longest base64 ciphertext (at most 100,000: the column's size)
 * @param editWindow              how long after sending a message may be edited or deleted for everyone
 */
@ConfigurationProperties("omnia.chat")
public record ChatSettings(int maxGroupMembers, int maxMessageCharacters, int maxCiphertextCharacters,
                           Duration editWindow) {

    public ChatSettings {
        if (maxGroupMembers < 2 || maxMessageCharacters < 1 || maxMessageCharacters > 20_000
                || maxCiphertextCharacters < 1 || maxCiphertextCharacters > 100_000
                || editWindow == null || editWindow.isNegative()) {
            throw new IllegalArgumentException("omnia.chat.* settings out of range (see the README)");
        }
    }
}
