package app.omnia.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.omnia.platform.ratelimit.Limit;

/**
 * The chat settings ({@code omnia.chat.*}), owned by this module rather than added to the platform's
 * record, so that the platform does not know about chat. Defaults live in application.yml and the README.
 *
 * @param maxGroupMembers         most members in a group, its creator included
 * @param maxMessageCharacters    longest text message (at most 20,000: the column's size)
 * @param maxCiphertextCharacters longest base64 ciphertext (at most 100,000: the column's size)
 * @param editWindow              how long after sending a message may be edited or deleted for everyone
 * @param maxReactionsPerMessage  most different emoji on one message
 * @param maxOneTimeKeys          most unused one-time pre-keys a device may hold on the server
 * @param rateLimits              chat's own write limits, "count/period" like {@code omnia.rate-limits.*}
 * @param liveGroupReceiptsMaxMembers groups up to this size push each member's delivered and read receipts to
 *                                    the others' sockets; larger ones only answer {@code GET .../receipts} (0: never push)
 * @param sendBatchMaxSize        most plain sends the message writer stores in one transaction (group commit)
 * @param sendQueueCapacity       sends that may wait for the writer on one server copy; beyond, {@code 503}
 */
@ConfigurationProperties("omnia.chat")
public record ChatSettings(int maxGroupMembers, int maxMessageCharacters, int maxCiphertextCharacters,
                           Duration editWindow, int maxReactionsPerMessage, int maxOneTimeKeys,
                           RateLimits rateLimits, int liveGroupReceiptsMaxMembers, int sendBatchMaxSize,
                           int sendQueueCapacity) {

    /**
     * @param typing         typing notices per account and conversation
     * @param reactions      reactions added or removed per account
     * @param invites        invite links created per account
     * @param joins          groups joined through invite links per account
     * @param keyUploads     key bundle uploads per account
     * @param keyFetches     key bundles fetched per account (each may use up one-time pre-keys)
     * @param receipts       delivered/read receipts, mute/archive and delete-for-me changes per account
     */
    public record RateLimits(String typing, String reactions, String invites, String joins, String keyUploads,
                             String keyFetches, String receipts, String conversationMessages) {}

    public ChatSettings {
        if (maxGroupMembers < 2 || maxMessageCharacters < 1 || maxMessageCharacters > 20_000
                || maxCiphertextCharacters < 1 || maxCiphertextCharacters > 100_000
                || editWindow == null || editWindow.isNegative() || maxReactionsPerMessage < 1
                || maxOneTimeKeys < 1 || maxOneTimeKeys > 10_000 || rateLimits == null
                || liveGroupReceiptsMaxMembers < 0) {
            throw new IllegalArgumentException("omnia.chat.* settings out of range (see the README)");
        }
        for (String limit : new String[] {rateLimits.typing(), rateLimits.reactions(), rateLimits.invites(),
                rateLimits.joins(), rateLimits.keyUploads(), rateLimits.keyFetches(), rateLimits.receipts(),
                rateLimits.conversationMessages()}) {
            Limit.parse(limit);
        }
    }
}
