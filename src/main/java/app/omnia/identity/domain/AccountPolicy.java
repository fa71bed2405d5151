package app.omnia.identity.domain;

import app.omnia.identity.Account;
import app.omnia.identity.Role;
import app.omnia.platform.security.Viewer;

/**
 * Who may do what to an account. Every path that changes an account asks here; nothing else decides.
 */
public final class AccountPolicy {

    private AccountPolicy() {
    }

    /** Only the owner edits a profile or a password (an admin acts through the admin actions). */
    public static boolean canEditProfile(Viewer viewer, Account target) {
        return viewer.isUser() && viewer.accountId() == target.id();
    }

    /** Whether {@code viewer} may see {@code target} at all: pending accounts are hidden except to themselves and staff. */
    public static boolean canSee(Viewer viewerOrNull, Account target) {
        if (target.approved()) {
            return true;
        }
        return viewerOrNull != null && (viewerOrNull.isStaff()
                || (viewerOrNull.isUser() && viewerOrNull.accountId() == target.id()));
    }

    /** Roles and verification kinds are an admin's decision, and an admin cannot demote themself by mistake. */
    public static boolean canChangeRole(Viewer actor, Account target, Role newRole) {
        return actor.isAdmin() && !(actor.accountId() == target.id() && newRole != Role.ADMIN);
    }

    public static boolean canManageVerifications(Viewer actor) {
        return actor.isAdmin();
    }

    /** Moderators and admins review sign-ups. */
    public static boolean canApprove(Viewer actor) {
        return actor.isStaff();
    }

    /** Staff suspend users; only an admin suspends a moderator or an admin, and nobody suspends themself. */
    public static boolean canSuspend(Viewer actor, Account target) {
        if (!actor.isStaff() || actor.accountId() == target.id()) {
            return false;
        }
        return target.role() == Role.USER || actor.isAdmin();
    }

    public static boolean canReadAudit(Viewer actor) {
        return actor.isStaff();
    }
}
