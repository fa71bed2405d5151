package app.omnia.moderation.domain;

import app.omnia.platform.security.Viewer;

/** Who may do what in moderation. Every path asks here. */
public final class ModerationPolicy {

    private ModerationPolicy() {
    }

    /** Moderators and admins work the queue and act. */
    public static boolean canModerate(Viewer viewer) {
        return viewer.isUser() && viewer.isStaff();
    }

    /** A statement and its appeal belong to the account affected; anyone else is told it does not exist. */
    public static boolean canSeeStatement(long viewerId, long affectedAccountId) {
        return viewerId == affectedAccountId;
    }

    /**
     * An appeal is decided by staff other than the moderator who acted (DSA art. 20(6): not solely automated,
     * and reviewed afresh); an automated decision may be reviewed by any moderator.
     */
    public static boolean canDecideAppeal(Viewer viewer, Long actingModeratorId) {
        return canModerate(viewer) && (actingModeratorId == null || !actingModeratorId.equals(viewer.accountId()));
    }

    /** Admins place accounts under supervision, name their reviewers and mark trusted flaggers. */
    public static boolean canAdminister(Viewer viewer) {
        return viewer.isUser() && viewer.isAdmin();
    }

    /** A supervised account's post is decided by one of its named reviewers, or an admin; nobody else. */
    public static boolean canReview(Viewer viewer, boolean namedReviewer) {
        return viewer.isUser() && (namedReviewer || viewer.isAdmin());
    }

    /** A report's place in the queue: its categories' weights, official accounts' items first. */
    public static int severity(ReportCategory category, IllegalCategory illegal, boolean officialTarget) {
        return category.severity() + (illegal == null ? 0 : illegal.severity()) + (officialTarget ? 1000 : 0);
    }

    /**
     * A report's place once a moderator changes its category: the new category's weight replaces the old; the
     * notice's illegal category weighs only while the report stays {@code legal}, and an official target keeps
     * the lead it had when the report was filed.
     */
    public static int reclassified(Report report, ReportCategory category) {
        return report.severity() - weights(report.category(), report.illegalCategory()) + weights(category,
                report.illegalCategory());
    }

    private static int weights(ReportCategory category, IllegalCategory illegal) {
        return severity(category, category == ReportCategory.LEGAL ? illegal : null, false);
    }
}
