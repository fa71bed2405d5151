/**
 * Messaging: direct and group conversations (chat), message requests, messages with client ids that
 * make resends harmless, a per-account event inbox with sequence numbers for sync, and the {@code chat}
 * stream on the shared socket. Reads follows and blocks through social's public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package app.omnia.messaging;
