package app.omnia.platform.streaming;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries stream events and credential changes to every server copy, each of which hands them to its own
 * {@link StreamingHub}. In-process on the embedded default; Redis pub/sub when Redis is configured.
 */
public interface StreamBus {

    void publish(StreamEvent event);

    /**
     * Several events at once, each reaching its channel's sockets in list order (a chat message for every member
     * of a group): on Redis one message for all of them, not a round trip each.
     */
    default void publishAll(List<StreamEvent> events) {
        events.forEach(this::publish);
    }

    /**
     * The accounts with an open socket on some copy (recently: a copy refreshes its own every half minute).
     * Publishers address per-account channels only to these, so a post by an account with a million followers
     * costs as many messages as it has followers online, not a million.
     */
    Set<Long> online();

    /** Those of {@code accounts} that are {@link #online()} (Redis reads only these, not every account online). */
    default Set<Long> onlineAmong(Collection<Long> accounts) {
        Set<Long> online = online();
        return accounts.stream().filter(online::contains).collect(Collectors.toSet());
    }

    /** A socket of this account just opened on this copy: it counts as online from now on. */
    default void connected(long accountId) {
    }

    /** Tells every copy to re-check the credentials of this account's open sockets (revoked, suspended). */
    void credentialsChanged(long accountId);
}
