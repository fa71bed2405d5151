package app.omnia.moderation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.identity.AdminService;
import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Report;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.Reports;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.ContentModeration;
import app.omnia.wallet.WalletControls;

/**
 * Moderators' decisions on accounts (Mastodon's warn, sensitive, silence, suspend, with Omnia's end time for
 * a temporary suspension) and on single items (remove, mark sensitive, limit reach). Each writes a statement
 * of reasons and an audit entry in the same transaction, and closes the report it answers. Reversing a
 * statement (an appeal upheld for the user) undoes exactly what it did.
 */
@Service
public class ModerationActions {

    private final AccountService accounts;
    private final AdminService admin;
    private final ContentModeration content;
    private final Reports reports;
    private final ReportQueue queue;
    private final StatementWriter statements;
    private final Clock clock;
    private final SupervisionService supervision;
    private final Misuse misuse;
    private final WalletControls wallets;

    ModerationActions(AccountService accounts, AdminService admin, ContentModeration content, Reports reports,
                      ReportQueue queue, StatementWriter statements, SupervisionService supervision, Misuse misuse,
                      WalletControls wallets, Clock clock) {
        this.wallets = wallets;
        this.misuse = misuse;
        this.supervision = supervision;
        this.accounts = accounts;
        this.admin = admin;
        this.content = content;
        this.reports = reports;
        this.queue = queue;
        this.statements = statements;
        this.clock = clock;
    }

    @Transactional
    public Statement onAccount(Viewer viewer, long accountId, Decision decision, Long reportId, Grounds grounds,
                               Instant endsAt) {
        require(viewer);
        Account target = accounts.find(accountId).orElseThrow(ApiException::notFound);
        Report report = report(reportId, accountId);
        if (endsAt != null && (decision != Decision.SUSPEND || !endsAt.isAfter(clock.instant()))) {
            throw ApiException.validation("suspended_until", "ERR_INVALID",
                    "suspended_until must be a future time, and only goes with type suspend");
        }
        switch (decision) {
            case SUSPEND -> admin.suspend(viewer, accountId, grounds.facts());
            case DISABLE -> admin.disable(viewer, accountId, grounds.facts());
            case FREEZE_WALLET -> wallets.freeze(viewer.accountId(), accountId, grounds.facts());
            case SENSITIZE, SILENCE -> content.mark(ContentModeration.Subject.ACCOUNT, accountId, decision.mark());
            case WARN -> { }
            default -> throw new IllegalArgumentException(decision + " is not an account decision");
        }
        Statement statement = statements.write(decision, new StatementWriter.Subject(target.id(), "account",
                target.id(), "CONTENT_TYPE_OTHER", target.createdAt()), viewer.accountId(), reportId, grounds, false,
                endsAt);
        if (report != null) {
            queue.actioned(viewer, report.id());
        }
        return statement;
    }

    /** Removes, marks sensitive or limits one status or media item ({@code kind} is {@code status} or {@code media}). */
    @Transactional
    public Statement onItem(Viewer viewer, String kind, long itemId, Decision decision, Long reportId, Grounds grounds) {
        require(viewer);
        if (!decision.onItem() || decision == Decision.HIDE) {
            throw new IllegalArgumentException(decision + " is not an item decision");
        }
        ContentModeration.ReportableStatus status = kind.equals("media")
                ? content.mediaStatus(itemId).orElseThrow(ApiException::notFound)
                : content.status(itemId).orElseThrow(ApiException::notFound);
        Report report = report(reportId, status.accountId());
        Report.Item item = new Report.Item(kind, itemId);
        ContentModeration.Subject subject = AutoHide.kindOf(item);
        content.mark(subject, itemId, decision.mark());
        // The moderator has decided: an automatic hold gives way to the decision.
        queue.release(viewer, item, reportId);
        Statement statement = statements.write(decision, new StatementWriter.Subject(status.accountId(), kind, itemId,
                kind.equals("media") ? "CONTENT_TYPE_IMAGE" : status.showsMedia()
                        ? "CONTENT_TYPE_TEXT,CONTENT_TYPE_IMAGE" : "CONTENT_TYPE_TEXT", status.createdAt()),
                viewer.accountId(), reportId, grounds, false, null);
        if (report != null) {
            queue.actioned(viewer, report.id());
        }
        if (decision == Decision.REMOVE && grounds.illegal()) {
            misuse.afterIllegalRemoval(status.accountId());
        }
        return statement;
    }

    /** Undoes what a statement's decision did (the statement itself is marked reversed by the caller). */
    void undo(Viewer viewer, Statement statement) {
        Decision decision = statement.decision();
        switch (decision) {
            case SUSPEND -> {
                if (accounts.find(statement.accountId()).map(Account::suspended).orElse(false)) {
                    admin.unsuspend(viewer, statement.accountId());
                }
            }
            case SENSITIZE, SILENCE -> content.unmark(ContentModeration.Subject.ACCOUNT, statement.accountId(),
                    decision.mark());
            case HIDE, REMOVE, MARK_SENSITIVE, LIMIT -> content.unmark(
                    AutoHide.kindOf(new Report.Item(statement.subjectKind(), statement.subjectId())),
                    statement.subjectId(), decision.mark());
            case DISABLE -> admin.enable(viewer, statement.accountId());
            case FREEZE_WALLET -> wallets.unfreeze(viewer.accountId(), statement.accountId(),
                    "Reversed on appeal of statement " + statement.id());
            case REJECT -> supervision.publishAfterAppeal(statement.id());
            case SUPERVISE -> supervision.lift(statement.accountId());
            case SUSPEND_REPORTING -> misuse.lift(statement.id());
            case WARN -> { }
        }
    }

    /** The report an action answers, which must be about the same account (422 otherwise). */
    private Report report(Long reportId, long accountId) {
        if (reportId == null) {
            return null;
        }
        return reports.find(reportId).filter(r -> r.targetAccountId() == accountId).orElseThrow(() ->
                ApiException.validation("report_id", "ERR_INVALID", "report_id names no report about this account"));
    }

    private static void require(Viewer viewer) {
        if (!ModerationPolicy.canModerate(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
