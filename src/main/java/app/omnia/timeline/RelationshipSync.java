package app.omnia.timeline;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.social.FollowedTagsChanged;
import app.omnia.social.HomeTimelineQueries;
import app.omnia.social.RelationshipChanged;

/**
 * Keeps a warm timeline in step with its owner's relationships, right after they commit (one timeline, so
 * on the request thread: the owner's next read already reflects it). A follow brings in the account's recent
 * posts; unfollow, block and mute take out everything it posted or shared. Followed hashtags change too much
 * of a timeline to patch: it is dropped and rebuilt on its next read. Who follows whom is also logged in the
 * store, for fan-out's {@link WarmAudiences}.
 */
@Component
class RelationshipSync {

    /** How many recent posts a follow (or an unmute) brings into the timeline. */
    static final int BACKFILL = 100;

    private final HomeTimelineStore store;
    private final HomeTimelineQueries queries;

    RelationshipSync(HomeTimelineStore store, HomeTimelineQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RelationshipChanged changed) {
        long account = changed.accountId();
        long target = changed.targetId();
        // Logged first: a post committed after the follow either has its fan-out see this, or is in the backfill.
        switch (changed.change()) {
            case FOLLOWED, UNFOLLOWED -> store.followersChanged(target);
            case BLOCKED -> {
                store.followersChanged(target);
                store.followersChanged(account);
            }
            case MUTED, UNMUTED -> {
                // Muting changes what home shows, not who follows whom.
            }
        }
        switch (changed.change()) {
            case FOLLOWED -> {
                // Also a change of options: what was there is replaced by what the follow now shows.
                store.removeAuthor(account, target);
                backfill(account, target);
            }
            case UNFOLLOWED, MUTED -> store.removeAuthor(account, target);
            case BLOCKED -> {
                store.removeAuthor(account, target);
                store.removeAuthor(target, account);
            }
            case UNMUTED -> backfill(account, target);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(FollowedTagsChanged changed) {
        store.evict(changed.accountId());
    }

    private void backfill(long account, long target) {
        store.addAll(account, queries.recentForFollower(account, target, BACKFILL));
    }
}
