package app.omnia.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.identity.AccountService;
import app.omnia.identity.AdminService;
import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.ReportingBans;
import app.omnia.moderation.persistence.Reports;
import app.omnia.moderation.persistence.Statements;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;

/**
 * Measures against misuse (DSA art. 23), each an automated decision with its statement of reasons: reporters
 * who often file manifestly unfounded reports lose the right to report for a while; authors whose content is
 * repeatedly removed as illegal are warned, then suspended for a while. Thresholds: {@code omnia.moderation.misuse.*}.
 */
@Component
class Misuse {

    private final Reports reports;
    private final ReportingBans bans;
    private final Statements stored;
    private final StatementWriter statements;
    private final AccountService accounts;
    private final AdminService admin;
    private final ModerationSettings.Misuse settings;
    private final IdGenerator ids;
    private final Clock clock;

    Misuse(Reports reports, ReportingBans bans, Statements stored, StatementWriter statements, AccountService accounts,
           AdminService admin, ModerationSettings settings, IdGenerator ids, Clock clock) {
        this.reports = reports;
        this.bans = bans;
        this.stored = stored;
        this.statements = statements;
        this.accounts = accounts;
        this.admin = admin;
        this.settings = settings.misuse();
        this.ids = ids;
        this.clock = clock;
    }

    /** Refuses a report from an account whose right to report is suspended (403, with the end and statement). */
    void requireMayReport(long accountId) {
        bans.active(accountId, clock.instant()).ifPresent(ban -> {
            throw new ApiException(HttpStatus.FORBIDDEN, "reporting-suspended", "Reporting suspended",
                    "You may not file reports until " + JsonTime.of(ban.endsAt())
                            + ": too many of your recent reports were manifestly unfounded (see the statement of reasons)",
                    List.of(), Map.of("until", JsonTime.of(ban.endsAt()), "statement_id", String.valueOf(ban.statementId())));
        });
    }

    /** After one of this reporter's reports was dismissed: suspends reporting when the record says so. */
    void afterDismissal(long reporterId) {
        Instant now = clock.instant();
        long[] decided = reports.decidedSince(reporterId, now.minus(settings.window()));
        long dismissed = decided[0];
        if (dismissed < settings.reportBanAfter() || (double) dismissed / decided[1] < settings.reportBanRatio()
                || bans.active(reporterId, now).isPresent()) {
            return;
        }
        Instant until = now.plus(settings.reportBanDuration());
        var account = accounts.find(reporterId).orElse(null);
        if (account == null) {
            return;
        }
        Statement statement = statements.write(Decision.SUSPEND_REPORTING, new StatementWriter.Subject(reporterId,
                "account", reporterId, "CONTENT_TYPE_OTHER", account.createdAt()), null, null,
                new Grounds(false, null, "Terms of service: misuse of the reporting system (DSA art. 23(2))",
                        dismissed + " of your " + decided[1] + " reports decided within " + settings.window().toDays()
                                + " days were dismissed as unfounded; you may not report until " + JsonTime.of(until)
                                + ". This decision was taken automatically.", List.of()), true, until);
        bans.insert(new ReportingBans.Ban(ids.next(), reporterId, statement.id(), now, until));
    }

    /** After an item of this author was removed as illegal: a warning, then a temporary suspension. */
    void afterIllegalRemoval(long authorId) {
        Instant now = clock.instant();
        long removals = stored.countSince(authorId, Decision.REMOVE.key(), Statement.ILLEGAL, now.minus(settings.window()));
        var account = accounts.find(authorId).orElse(null);
        if (account == null || account.suspended()) {
            return;
        }
        StatementWriter.Subject subject = new StatementWriter.Subject(authorId, "account", authorId, "CONTENT_TYPE_OTHER",
                account.createdAt());
        String days = settings.window().toDays() + " days";
        if (removals >= settings.illegalSuspendAfter()) {
            Instant until = now.plus(settings.suspensionDuration());
            Statement statement = statements.write(Decision.SUSPEND, subject, null, null, new Grounds(false, null,
                    "Terms of service: repeated manifestly illegal content (DSA art. 23(1))", removals
                    + " of your posts were removed as illegal within " + days + "; the account is suspended until "
                    + JsonTime.of(until) + ". This decision was taken automatically.", List.of()), true, until);
            admin.suspendAutomatically(authorId, "repeated illegal content, statement=" + statement.id());
        } else if (removals == settings.illegalWarnAfter()) {
            statements.write(Decision.WARN, subject, null, null, new Grounds(false, null,
                    "Terms of service: repeated manifestly illegal content (DSA art. 23(1))", removals
                    + " of your posts were removed as illegal within " + days + ". After "
                    + settings.illegalSuspendAfter() + " the account is suspended. This warning was issued automatically.",
                    List.of()), true, null);
        }
    }

    /** A reporting ban reversed on appeal ends now. */
    void lift(long statementId) {
        bans.liftByStatement(statementId, clock.instant());
    }
}
