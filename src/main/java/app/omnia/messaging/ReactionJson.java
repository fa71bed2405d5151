package app.omnia.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One emoji on a message, like the reactions of Mastodon's announcements: {@code name}, {@code count} and
 * {@code me}. {@code me} is absent in sync and socket payloads, which every member shares; the
 * {@code chat.reaction} event names who reacted instead.
 */
public record ReactionJson(String name, long count, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean me) {}
