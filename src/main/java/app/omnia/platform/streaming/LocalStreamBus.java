package app.omnia.platform.streaming;

/** The embedded default: one server copy, so publishing is handing the event to the local hub. */
final class LocalStreamBus implements StreamBus {

    private final StreamingHub hub;

    LocalStreamBus(StreamingHub hub) {
        this.hub = hub;
    }

    @Override
    public void publish(StreamEvent event) {
        hub.deliver(event);
    }

    @Override
    public java.util.Set<Long> online() {
        return hub.onlineAccounts();
    }

    @Override
    public void credentialsChanged(long accountId) {
        hub.recheck(accountId);
    }
}
