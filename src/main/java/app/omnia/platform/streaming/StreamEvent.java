package app.omnia.platform.streaming;

import java.util.Set;

/**
 * One event for the sockets listening on a channel: Mastodon's {@code event} name and its {@code payload}
 * (already rendered JSON, or a bare id for {@code delete}). {@code involvedAccounts} are the accounts the
 * event shows (author, sharer, mentioned): a listener who blocked or muted one of them does not get it.
 *
 * <p>Channels are internal names, not Mastodon stream names: {@code timeline:<account>},
 * {@code notification:<account>}, {@code direct:<account>}, {@code public}, {@code hashtag:<tag>}; modules
 * that add a stream through a {@link StreamResolver} name their own (e.g. {@code chat:<account>}).
 */
public record StreamEvent(String channel, String event, String payload, Set<Long> involvedAccounts) {

    public StreamEvent {
        involvedAccounts = Set.copyOf(involvedAccounts);
    }

    public static String timeline(long accountId) {
        return "timeline:" + accountId;
    }

    public static String notifications(long accountId) {
        return "notification:" + accountId;
    }

    public static String direct(long accountId) {
        return "direct:" + accountId;
    }

    public static final String PUBLIC = "public";

    public static String hashtag(String tag) {
        return "hashtag:" + tag.toLowerCase(java.util.Locale.ROOT);
    }
}
