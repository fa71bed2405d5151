package app.omnia.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.domain.AccountPolicy;
import app.omnia.identity.persistence.Accounts;
import app.omnia.identity.persistence.Verifications;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;

/**
 * Staff actions on accounts: approve or reject sign-ups, suspend and unsuspend, change roles, grant and
 * revoke verification kinds. Each is allowed by {@link AccountPolicy} and written to the audit log in the
 * same transaction.
 */
@Service
public class AdminService {

    private final Accounts accounts;
    private final Verifications verifications;
    private final CredentialRevocation revocation;
    private final AuditLog audit;
    private final Clock clock;

    AdminService(Accounts accounts, Verifications verifications,
                 AuditLog audit, CredentialRevocation revocation, Clock clock) {
        this.revocation = revocation;
        this.accounts = accounts;
        this.verifications = verifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account approve(Viewer actor, long accountId) {
        require(AccountPolicy.canApprove(actor));
        Account account = target(accountId);
        if (account.approved()) {
            throw ApiException.forbidden("This account is already approved");
        }
        accounts.updateApproved(accountId, true, clock.instant());
        audit.record(actor.accountId(), "account.approve", "account", accountId, "");
        return target(accountId);
    }

    /** Rejecting a pending sign-up deletes it, as in Mastodon; the audit entry keeps the username. */
    @Transactional
    public void reject(Viewer actor, long accountId) {
        require(AccountPolicy.canApprove(actor));
        Account account = target(accountId);
        if (account.approved()) {
            throw ApiException.forbidden("Only pending accounts can be rejected");
        }
        accounts.delete(accountId);
        audit.record(actor.accountId(), "account.reject", "account", accountId, "username=" + account.username());
    }

    @Transactional
    public Account suspend(Viewer actor, long accountId, String reason) {
        return restrict(actor, accountId, reason, "account.suspend", accounts::updateSuspendedAt);
    }

    @Transactional
    public Account unsuspend(Viewer actor, long accountId) {
        return lift(actor, accountId, "account.unsuspend", accounts::updateSuspendedAt);
    }

    /**
     * Mastodon's {@code disable}: nobody can sign in to the account, and every token and session it had ends
     * now; its profile and posts stay. Reversed by {@link #enable}.
     */
    @Transactional
    public Account disable(Viewer actor, long accountId, String reason) {
        return restrict(actor, accountId, reason, "account.disable", accounts::updateLoginDisabledAt);
    }

    @Transactional
    public Account enable(Viewer actor, long accountId) {
        return lift(actor, accountId, "account.enable", accounts::updateLoginDisabledAt);
    }

    /** Where a restriction is kept: the time it began (null once lifted), and when the row changed. */
    @FunctionalInterface
    private interface Restriction {
        void set(long accountId, Instant since, Instant changedAt);
    }

    /** Staff restrict an account: from now, every credential it had ends, audited with the reason. */
    private Account restrict(Viewer actor, long accountId, String reason, String action, Restriction restriction) {
        require(AccountPolicy.canSuspend(actor, target(accountId)));
        restriction.set(accountId, clock.instant(), clock.instant());
        revocation.revokeEverything(accountId);
        audit.record(actor.accountId(), action, "account", accountId, reason == null ? "" : reason);
        return target(accountId);
    }

    private Account lift(Viewer actor, long accountId, String action, Restriction restriction) {
        require(AccountPolicy.canSuspend(actor, target(accountId)));
        restriction.set(accountId, null, clock.instant());
        audit.record(actor.accountId(), action, "account", accountId, "");
        return target(accountId);
    }

    public boolean loginDisabled(long accountId) {
        return accounts.loginDisabled(accountId);
    }

    /** An automated suspension (repeated illegal content, DSA art. 23): no actor, audited as the server's. */
    @Transactional
    public void suspendAutomatically(long accountId, String why) {
        accounts.findById(accountId).filter(a -> !a.suspended()).ifPresent(account -> {
            accounts.updateSuspendedAt(accountId, clock.instant(), clock.instant());
            revocation.revokeEverything(accountId);
            audit.record(null, "account.suspend", "account", accountId, why);
        });
    }

    /** A temporary suspension ran out: the server lifts it (audited with no actor). */
    @Transactional
    public void endSuspension(long accountId, String why) {
        accounts.findById(accountId).filter(Account::suspended).ifPresent(account -> {
            accounts.updateSuspendedAt(accountId, null, clock.instant());
            audit.record(null, "account.unsuspend", "account", accountId, why);
        });
    }

    @Transactional
    public Account changeRole(Viewer actor, long accountId, Role role) {
        Account account = target(accountId);
        require(AccountPolicy.canChangeRole(actor, account, role));
        if (account.role() != role) {
            accounts.updateRole(accountId, role, clock.instant());
            audit.record(actor.accountId(), "account.role", "account", accountId,
                    account.role().key() + " -> " + role.key());
        }
        return target(accountId);
    }

    @Transactional
    public void grantVerification(Viewer actor, long accountId, VerificationKind kind) {
        require(AccountPolicy.canManageVerifications(actor));
        target(accountId);
        if (verifications.grant(accountId, kind, actor.accountId(), clock.instant())) {
            audit.record(actor.accountId(), "account.verification.grant", "account", accountId, kind.key());
        }
    }

    @Transactional
    public void revokeVerification(Viewer actor, long accountId, VerificationKind kind) {
        require(AccountPolicy.canManageVerifications(actor));
        target(accountId);
        if (verifications.revoke(accountId, kind)) {
            audit.record(actor.accountId(), "account.verification.revoke", "account", accountId, kind.key());
        }
    }

    private Account target(long accountId) {
        return accounts.findById(accountId).orElseThrow(ApiException::notFound);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
