package app.omnia.moderation;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.Reviews;
import app.omnia.moderation.persistence.Supervisions;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.ContentModeration;

/**
 * Supervised accounts (pre-moderation): an admin names the reviewers; social keeps the account's new posts
 * unpublished ({@code pending}) and tells us of each; a named reviewer (or an admin) approves it — published
 * then, its creation time kept — or rejects it with a statement of reasons to the author.
 */
@Service
public class SupervisionService {

    public static final int MAX_REVIEWERS = 20;

    private final Supervisions supervisions;
    private final Reviews reviews;
    private final AccountService accounts;
    private final ContentModeration content;
    private final StatementWriter statements;
    private final AuditLog audit;
    private final Clock clock;

    SupervisionService(Supervisions supervisions, Reviews reviews, AccountService accounts, ContentModeration content,
                       StatementWriter statements, AuditLog audit, Clock clock) {
        this.supervisions = supervisions;
        this.reviews = reviews;
        this.accounts = accounts;
        this.content = content;
        this.statements = statements;
        this.audit = audit;
        this.clock = clock;
    }

    /** Places an account under supervision (or renames its reviewers); the account gets a statement of reasons. */
    @Transactional
    public Supervisions.Supervision supervise(Viewer viewer, long accountId, List<Long> reviewerIds, String reason) {
        requireAdmin(viewer);
        Account account = accounts.find(accountId).orElseThrow(() ->
                ApiException.validation("account_id", "ERR_INVALID", "account_id names no account"));
        Set<Long> reviewers = new LinkedHashSet<>(reviewerIds);
        if (reviewers.isEmpty() || reviewers.size() > MAX_REVIEWERS) {
            throw ApiException.validation("reviewer_ids", "ERR_INVALID", "reviewer_ids must name 1 to 20 accounts");
        }
        for (long reviewer : reviewers) {
            if (reviewer == accountId || accounts.find(reviewer).filter(Account::canAct).isEmpty()) {
                throw ApiException.validation("reviewer_ids", "ERR_INVALID",
                        "reviewer_ids must name active accounts other than the supervised one");
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > Grounds.MAX_TEXT) {
            throw ApiException.validation("reason", "ERR_TOO_LONG", "reason is too long (maximum is 1000 characters)");
        }
        boolean already = supervisions.find(accountId).isPresent();
        supervisions.put(accountId, viewer.accountId(), why, List.copyOf(reviewers), clock.instant());
        if (!already) {
            content.mark(ContentModeration.Subject.ACCOUNT, accountId, Decision.SUPERVISE.mark());
            statements.write(Decision.SUPERVISE, new StatementWriter.Subject(accountId, "account", accountId,
                    "CONTENT_TYPE_OTHER", account.createdAt()), viewer.accountId(), null,
                    new Grounds(false, null, "", why.isEmpty() ? "New posts are reviewed before they are published" : why,
                            List.of()), false, null);
        } else {
            audit.record(viewer.accountId(), "account.supervise.reviewers", "account", accountId,
                    "reviewers=" + reviewers);
        }
        return supervisions.find(accountId).orElseThrow();
    }

    public Supervisions.Supervision get(Viewer viewer, long accountId) {
        requireAdmin(viewer);
        return supervisions.find(accountId).orElseThrow(ApiException::notFound);
    }

    /** Ends supervision: new posts are published at once again; posts still waiting stay for an admin to decide. */
    @Transactional
    public void end(Viewer viewer, long accountId) {
        requireAdmin(viewer);
        if (!supervisions.end(accountId)) {
            throw ApiException.notFound();
        }
        content.unmark(ContentModeration.Subject.ACCOUNT, accountId, Decision.SUPERVISE.mark());
        audit.record(viewer.accountId(), "account.unsupervise", "account", accountId, "");
    }

    /** Ends a supervision whose statement was reversed on appeal. */
    void lift(long accountId) {
        supervisions.end(accountId);
        content.unmark(ContentModeration.Subject.ACCOUNT, accountId, Decision.SUPERVISE.mark());
    }

    /** Social held a new post of a supervised account: it joins the review queue (same transaction). */
    public void held(long statusId, long accountId, java.time.Instant createdAt) {
        reviews.pending(statusId, statusId, Reviews.POST, accountId, createdAt);
    }

    /** Social held an edit of a supervised account's published post: it joins the queue (same transaction). */
    public void heldEdit(long editId, long statusId, long accountId, java.time.Instant createdAt) {
        reviews.pending(editId, statusId, Reviews.EDIT, accountId, createdAt);
    }

    /** Pending posts the viewer may decide: those of the accounts they review (admins: all). */
    public List<Reviews.Review> queue(Viewer viewer, PageRequest page) {
        if (!viewer.isUser()) {
            throw ApiException.forbidden("This action is not allowed");
        }
        return reviews.pendingPage(viewer.isAdmin() ? null : viewer.accountId(), page);
    }

    /** A status deleted by its author: its reviews still waiting (the post's, an edit's) leave the queue. */
    public void withdrawn(long statusId) {
        reviews.withdrawPending(statusId);
    }

    /** The edit a review is about, as its author asked for it (empty for a new post's review). */
    public java.util.Optional<app.omnia.social.NewStatus> askedEdit(Reviews.Review review) {
        return review.isEdit() ? content.heldEdit(review.id()) : java.util.Optional.empty();
    }

    /** The author's own supervised posts and where each stands. */
    public List<Reviews.Review> own(long accountId, PageRequest page) {
        return reviews.ofAccount(accountId, page);
    }

    /** Approves a review: the post is published (its creation time kept), or the edit applied (dated when asked). */
    @Transactional
    public Reviews.Review approve(Viewer viewer, long reviewId) {
        Reviews.Review review = decidable(viewer, reviewId);
        if (!reviews.decide(reviewId, Reviews.APPROVED, viewer.accountId(), clock.instant(), null)) {
            throw ApiException.conflict("This post was already decided");
        }
        if (review.isEdit()) {
            content.publishHeldEdit(reviewId);
        } else {
            content.publishHeld(review.statusId());
        }
        audit.record(viewer.accountId(), review.isEdit() ? "content.approve_edit" : "content.approve", "status",
                review.statusId(), "account=" + review.accountId() + (review.isEdit() ? " edit=" + reviewId : ""));
        return reviews.find(reviewId).orElseThrow();
    }

    /**
     * Rejects a review with a reason, which the author reads in a statement of reasons: the post stays
     * unpublished, or the edit is dropped (the published version stays).
     */
    @Transactional
    public Reviews.Review reject(Viewer viewer, long reviewId, String reason) {
        Reviews.Review review = decidable(viewer, reviewId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.validation("reason", "ERR_BLANK", "reason can't be blank: the author is told why");
        }
        if (why.length() > Grounds.MAX_FACTS) {
            throw ApiException.validation("reason", "ERR_TOO_LONG", "reason is too long (maximum is 5000 characters)");
        }
        var status = content.status(review.statusId()).orElseThrow(ApiException::notFound);
        String facts = review.isEdit() ? "Edit not published: " + why : why;
        Statement statement = statements.write(Decision.REJECT, new StatementWriter.Subject(review.accountId(),
                "status", review.statusId(), status.showsMedia() ? "CONTENT_TYPE_TEXT,CONTENT_TYPE_IMAGE"
                        : "CONTENT_TYPE_TEXT", review.createdAt()), viewer.accountId(), null,
                new Grounds(false, null, "", facts, List.of()), false, null);
        if (!reviews.decide(reviewId, Reviews.REJECTED, viewer.accountId(), clock.instant(), statement.id())) {
            throw ApiException.conflict("This post was already decided");
        }
        if (review.isEdit()) {
            content.rejectHeldEdit(reviewId);
        } else {
            content.rejectHeld(review.statusId());
        }
        return reviews.find(reviewId).orElseThrow();
    }

    /** A rejection reversed on appeal: the post is published (or the edit applied) after all. */
    void publishAfterAppeal(long statementId) {
        reviews.ofStatement(statementId).ifPresent(review -> {
            boolean published = review.isEdit() ? content.publishHeldEditAfterAppeal(review.id())
                    : content.publishHeld(review.statusId());
            if (published) {
                reviews.approveAfterAppeal(review.id(), clock.instant());
            }
        });
    }

    private Reviews.Review decidable(Viewer viewer, long reviewId) {
        Reviews.Review review = reviews.find(reviewId).orElseThrow(ApiException::notFound);
        if (!ModerationPolicy.canReview(viewer, supervisions.isReviewer(review.accountId(), viewer.accountId()))) {
            throw ApiException.forbidden("Only the account's named reviewers (or an admin) decide its posts");
        }
        return review;
    }

    private static void requireAdmin(Viewer viewer) {
        if (!ModerationPolicy.canAdminister(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
