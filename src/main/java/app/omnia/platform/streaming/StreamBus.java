package app.omnia.platform.streaming;

/**
 * Carries stream events and credential changes to every server copy, each of which hands them to its own
 * {@link StreamingHub}. In-process on the embedded default; Redis pub/sub when Redis is configured.
 */
public interface StreamBus {

    void publish(StreamEvent event);

    /** Tells every copy to re-check the credentials of this account's open sockets (revoked, suspended). */
    void credentialsChanged(long accountId);
}
