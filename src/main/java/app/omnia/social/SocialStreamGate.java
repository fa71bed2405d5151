package app.omnia.social;

import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.platform.streaming.StreamGate;

/**
 * Blocks and mutes on the streaming socket, as on every other read path: a listener gets no event that
 * shows an account they block, that blocks them, or that they muted.
 */
@Component
class SocialStreamGate implements StreamGate {

    private final FollowService follows;

    SocialStreamGate(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public boolean allows(long listenerAccountId, Set<Long> involvedAccounts) {
        Set<Long> hidden = follows.hiddenFrom(listenerAccountId);
        Set<Long> muted = follows.mutedBy(listenerAccountId);
        return involvedAccounts.stream().noneMatch(id -> hidden.contains(id) || muted.contains(id));
    }
}
