package app.omnia.social.domain;

/**
 * Who may see and act on a status. Every read path (by id, context, timelines) and every interaction asks
 * here. Pure: the caller supplies the relationships it looked up.
 */
public final class PostPolicy {

    private PostPolicy() {
    }

    /**
     * @param viewerId          the viewer's account id, or null when anonymous
     * @param followsAuthor     whether the viewer follows the author
     * @param mentioned         whether the viewer is mentioned in the status
     * @param blockedEitherWay  whether the viewer and the author block each other (in either direction)
     */
    public static boolean canSee(Long viewerId, Status status, boolean followsAuthor, boolean mentioned,
                                 boolean blockedEitherWay) {
        if (viewerId != null && viewerId == status.accountId()) {
            return true;
        }
        if (blockedEitherWay) {
            return false;
        }
        return switch (status.visibility()) {
            case PUBLIC, UNLISTED -> true;
            case PRIVATE -> viewerId != null && (followsAuthor || mentioned);
            case DIRECT -> viewerId != null && mentioned;
        };
    }

    /**
     * Reply controls: beyond seeing the status, the author decides who may answer it.
     *
     * @param authorFollowsViewer whether the author follows the would-be replier
     * @param mentioned           whether the would-be replier is mentioned in the status
     */
    public static boolean canReply(long viewerId, Status status, boolean authorFollowsViewer, boolean mentioned) {
        if (viewerId == status.accountId()) {
            return true;
        }
        return switch (status.replyPolicy()) {
            case EVERYONE -> true;
            case FOLLOWING -> authorFollowsViewer || mentioned;
            case MENTIONED -> mentioned;
        };
    }

    /** Only public and unlisted statuses are reblogged, and never one's own private status by anyone else. */
    public static boolean canReblog(long viewerId, Status status) {
        return status.visibility().reblogable() && !status.isReblog();
    }

    /** Only the author edits a status, and a reblog has nothing of its own to edit. */
    public static boolean canEdit(long viewerId, Status status) {
        return status.accountId() == viewerId && !status.isReblog();
    }

    /** Only public, unlisted and private statuses of one's own are pinned (Mastodon's rule). */
    public static boolean canPin(long viewerId, Status status) {
        return status.accountId() == viewerId && !status.isReblog() && status.visibility() != Visibility.DIRECT;
    }

    /**
     * Quote posts: a direct message is never quoted; the author may quote any other status of theirs; others
     * as the quote policy says (a private status keeps the policy "nobody", so only its author quotes it).
     * Seeing the status is checked before, by {@link #canSee}.
     *
     * @param followsAuthor whether the would-be quoter follows the author
     */
    public static boolean canQuote(long viewerId, Status status, boolean followsAuthor) {
        if (status.isReblog() || status.visibility() == Visibility.DIRECT) {
            return false;
        }
        if (viewerId == status.accountId()) {
            return true;
        }
        if (status.visibility() == Visibility.PRIVATE) {
            return false;
        }
        return switch (status.quotePolicy()) {
            case PUBLIC -> true;
            case FOLLOWERS -> followsAuthor;
            case NOBODY -> false;
        };
    }

    /** What a status's quote policy means for this viewer: Mastodon's {@code quote_approval.current_user}. */
    public static String quoteApprovalFor(Long viewerId, Status status, boolean followsAuthor) {
        if (viewerId == null) {
            return "unknown";
        }
        return canQuote(viewerId, status, followsAuthor) ? "automatic" : "denied";
    }

    /** Only the author deletes a status (staff removal is moderation's, with its own audit). */
    public static boolean canDelete(long viewerId, Status status) {
        return status.accountId() == viewerId;
    }
}
