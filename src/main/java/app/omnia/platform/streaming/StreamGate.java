package app.omnia.platform.streaming;

import java.util.Set;

/**
 * Decides whether a listener may receive an event that shows these accounts, and whether they get its
 * version for minors; implemented by the module that owns blocks and mutes, so that the hub needs no
 * knowledge of them.
 */
public interface StreamGate {

    boolean allows(long listenerAccountId, Set<Long> involvedAccounts);

    /** Whether the listener is a minor today: asked only for events that have a version for minors. */
    default boolean isMinor(long listenerAccountId) {
        return false;
    }
}
