package app.omnia.messaging;

/**
 * Mastodon has no chat scopes; chat follows its conversations API: reading needs {@code read:statuses},
 * writing {@code write:conversations} (both covered by {@code read} and {@code write}).
 */
public final class ChatScopes {

    public static final String READ = "read:statuses";
    public static final String WRITE = "write:conversations";

    private ChatScopes() {
    }
}
