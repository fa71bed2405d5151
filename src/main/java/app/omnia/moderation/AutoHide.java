package app.omnia.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.moderation.domain.Credibility;
import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.Report;
import app.omnia.moderation.persistence.Holds;
import app.omnia.moderation.persistence.Reports;
import app.omnia.social.ContentModeration;

/**
 * Hides a status or media item pending review once enough distinct, credible reporters reported it within
 * the window (see {@link Credibility}). Reports filed before a moderator last reviewed the item do not count.
 * Runs in the transaction of the report that tips the balance; the hiding is an automated decision with its
 * own statement of reasons.
 */
@Component
class AutoHide {

    private final Reports reports;
    private final Holds holds;
    private final AccountService accounts;
    private final ContentModeration content;
    private final StatementWriter statements;
    private final ModerationSettings settings;
    private final Clock clock;
    private final TrustedFlaggers flaggers;

    AutoHide(Reports reports, Holds holds, AccountService accounts, ContentModeration content,
             StatementWriter statements, ModerationSettings settings, TrustedFlaggers flaggers, Clock clock) {
        this.flaggers = flaggers;
        this.reports = reports;
        this.holds = holds;
        this.accounts = accounts;
        this.content = content;
        this.statements = statements;
        this.settings = settings;
        this.clock = clock;
    }

    void consider(Report.Item item, long authorId, String contentType, Instant contentDate) {
        Instant now = clock.instant();
        var hold = holds.find(item);
        if (hold.isPresent() && hold.get().active()) {
            return;
        }
        Instant since = now.minus(settings.autoHideWindow());
        if (hold.isPresent() && hold.get().releasedAt() != null && hold.get().releasedAt().isAfter(since)) {
            since = hold.get().releasedAt();
        }
        List<Long> reporterIds = reports.openReporters(item, since);
        if (reporterIds.size() < settings.autoHideWeight()) {
            return; // no reporter weighs more than one
        }
        Map<Long, Long> dismissed = reports.dismissedCounts(reporterIds, now.minus(settings.misuse().window()));
        java.util.Set<Long> trusted = flaggers.among(reporterIds);
        List<Credibility.Reporter> reporters = reporterIds.stream().map(id -> new Credibility.Reporter(id,
                accounts.find(id).map(Account::createdAt).orElse(now), dismissed.getOrDefault(id, 0L),
                trusted.contains(id))).toList();
        double score = Credibility.score(reporters, content.followsAmong(reporterIds), new Credibility.Rules(
                settings.newAccountAge(), settings.newAccountWeight(), settings.rejectedReportsLimit(),
                settings.rejectedReporterWeight()), now);
        if (score < settings.autoHideWeight()) {
            return;
        }
        if (!holds.hold(item, authorId, now)) {
            return; // a concurrent report held it first, and told the author
        }
        content.mark(kindOf(item), item.id(), Decision.HIDE.mark());
        var statement = statements.write(Decision.HIDE,
                new StatementWriter.Subject(authorId, item.kind(), item.id(), contentType, contentDate), null, null,
                new Grounds(false, null, "", "Reported by " + reporterIds.size() + " accounts (credibility "
                        + String.format(java.util.Locale.ROOT, "%.1f", score) + ") within "
                        + settings.autoHideWindow().toHours() + " hours; hidden pending review by a moderator.",
                        List.of()), true, null);
        holds.attachStatement(item, statement.id());
    }

    static ContentModeration.Subject kindOf(Report.Item item) {
        return item.kind().equals("media") ? ContentModeration.Subject.MEDIA : ContentModeration.Subject.STATUS;
    }
}
