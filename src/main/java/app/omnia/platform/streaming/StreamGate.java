package app.omnia.platform.streaming;

import java.util.Set;

/**
 * Decides whether a listener may receive an event that shows these accounts; implemented by the module
 * that owns blocks and mutes, so that the hub needs no knowledge of them.
 */
public interface StreamGate {

    boolean allows(long listenerAccountId, Set<Long> involvedAccounts);
}
