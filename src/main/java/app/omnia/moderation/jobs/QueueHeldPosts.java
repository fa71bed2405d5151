package app.omnia.moderation.jobs;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.omnia.moderation.SupervisionService;
import app.omnia.social.EditHeldForReview;
import app.omnia.social.StatusDeleted;
import app.omnia.social.StatusHeldForReview;

/**
 * Puts each held post of a supervised account, and each held edit of its published posts, in the review queue. Runs synchronously in the transaction
 * that wrote the post, so a post is never held without a review waiting for it (and the insert is idempotent).
 */
@Component
class QueueHeldPosts {

    private final SupervisionService supervision;

    QueueHeldPosts(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @EventListener
    void on(StatusHeldForReview held) {
        supervision.held(held.statusId(), held.accountId(), held.createdAt());
    }

    @EventListener
    void on(EditHeldForReview held) {
        supervision.heldEdit(held.editId(), held.statusId(), held.accountId(), held.createdAt());
    }

    /** Its author deleted a post (or undid a boost) still waiting: nothing is left for a reviewer to decide. */
    @EventListener
    void on(StatusDeleted deleted) {
        supervision.withdrawn(deleted.statusId());
    }
}
