package app.omnia.platform.streaming;

import java.util.function.Consumer;

/**
 * What stands between a channel and one socket's subscription to it. The platform's own streams send each
 * event as it is heard ({@link #DIRECT}); a module whose events carry their own order (chat's {@code seq})
 * may hold, reorder, drop or fill in events before they are sent. Events of one channel may reach a relay on
 * different threads: a relay with state guards it itself. A relay sends through the consumer it was opened
 * with, at any time and from any thread, until it is closed (unsubscribed, socket gone).
 */
public interface StreamRelay {

    void accept(StreamEvent event);

    /** The subscription ended: stop sending and release timers. */
    default void close() {
    }

    /** Opens one subscription's relay; {@code send} puts an event on that subscription's socket. */
    @FunctionalInterface
    interface Factory {
        StreamRelay open(Consumer<StreamEvent> send);
    }

    /** Every event is sent as it is heard. */
    Factory DIRECT = send -> send::accept;
}
