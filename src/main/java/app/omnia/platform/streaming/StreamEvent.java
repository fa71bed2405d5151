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
 *
 * <p>{@code payloadForMinors}, when not null, is what listeners who are minors get instead of {@code payload}
 * (a status rendered without its sensitive media): the publisher renders at most two versions, never one per
 * listener, and the hub picks one per socket.
 */
public record StreamEvent(String channel, String event, String payload, Set<Long> involvedAccounts,
                          String payloadForMinors) {

    public StreamEvent {
        involvedAccounts = Set.copyOf(involvedAccounts);
    }

    /** The same event for every listener. */
    public StreamEvent(String channel, String event, String payload, Set<Long> involvedAccounts) {
        this(channel, event, payload, involvedAccounts, null);
    }

    /** The event as a minor receives it. */
    StreamEvent forMinors() {
        return payloadForMinors == null ? this
                : new StreamEvent(channel, event, payloadForMinors, involvedAccounts, null);
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
