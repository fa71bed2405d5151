/**
 * Messaging: direct and group conversations (chat), message requests, messages with client ids that
 * make resends harmless, images, replies, reactions, typing notices, delivered and read receipts, mute and
 * archive, delete for me, group avatars and invite links, device key bundles for end-to-end encryption, a
 * per-account event inbox with sequence numbers for sync, and the {@code chat} stream on the shared socket.
 * Reads follows and blocks through social's public API.
 *
 * <p>For moderation: {@link app.omnia.messaging.MessageService#evidence(long, long)} answers a message as
 * {@link app.omnia.messaging.MessageEvidence} when the reporter is a member of its conversation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package app.omnia.messaging;
