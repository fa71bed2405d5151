package app.omnia.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Report;
import app.omnia.moderation.domain.ReportCategory;
import app.omnia.moderation.persistence.Holds;
import app.omnia.moderation.persistence.Reports;
import app.omnia.moderation.persistence.Statements;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.ContentModeration;

/**
 * The moderators' side of reports: Mastodon's admin list, the Omnia queue (gravest, then oldest first),
 * assignment, and resolving. Resolving an open report on which no action was taken dismisses it: whatever it
 * had hidden automatically comes back at once.
 */
@Service
public class ReportQueue {

    private final Reports reports;
    private final Holds holds;
    private final Statements statements;
    private final ContentModeration content;
    private final AuditLog audit;
    private final Clock clock;
    private final Misuse misuse;
    private final ModerationSettings settings;

    ReportQueue(Reports reports, Holds holds, Statements statements, ContentModeration content, AuditLog audit,
                Misuse misuse, ModerationSettings settings, Clock clock) {
        this.settings = settings;
        this.misuse = misuse;
        this.reports = reports;
        this.holds = holds;
        this.statements = statements;
        this.content = content;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Report> page(Viewer viewer, Boolean resolved, Long accountId, Long targetAccountId, PageRequest page) {
        require(viewer);
        return reports.page(resolved, accountId, targetAccountId, page);
    }

    public List<Report> queue(Viewer viewer, int limit, int offset) {
        require(viewer);
        return reports.queue(limit, offset);
    }

    public Report get(Viewer viewer, long id) {
        require(viewer);
        return reports.find(id).orElseThrow(ApiException::notFound);
    }

    public List<Report.Item> items(long id) {
        return reports.items(id);
    }

    public List<Report.Evidence> evidence(long id) {
        return reports.evidence(id);
    }

    @Transactional
    public Report assign(Viewer viewer, long id, boolean toSelf) {
        get(viewer, id);
        reports.assign(id, toSelf ? viewer.accountId() : null, clock.instant());
        audit.record(viewer.accountId(), toSelf ? "report.assign" : "report.unassign", "report", id, "");
        return get(viewer, id);
    }

    /** Mastodon's resolve: on an open report, a dismissal that restores what it had hidden. */
    @Transactional
    public Report resolve(Viewer viewer, long id, String reason) {
        get(viewer, id);
        if (reports.close(id, viewer.accountId(), Report.DISMISSED, clock.instant())) {
            audit.record(viewer.accountId(), "report.dismiss", "report", id, reason);
            misuse.afterDismissal(reports.find(id).orElseThrow().accountId());
            for (Report.Item item : reports.items(id)) {
                if (!item.kind().equals("message")) {
                    release(viewer, item, id);
                }
            }
        }
        return get(viewer, id);
    }

    /**
     * Mastodon's update: a new {@code category} and/or the {@code rule_ids} broken (null: left as it is). As in
     * Mastodon, once either changes, rules go with {@code violation} only: moving a report away from it needs
     * {@code rule_ids[]=} too. A change is audited with what it replaced; the notice's {@code illegal_category}
     * stays as filed (transparency counts notices by what they alleged).
     */
    @Transactional
    public Report update(Viewer viewer, long id, String categoryKey, List<String> rawRuleIds) {
        Report report = get(viewer, id);
        ReportCategory category = categoryKey == null ? report.category()
                : ReportCategory.fromKey(categoryKey.strip()).orElseThrow(() -> ApiException.validation("category",
                        "ERR_INCLUSION", "category must be one of: spam, legal, violation, other"));
        List<Long> ruleIds = rawRuleIds == null ? report.ruleIds() : ReportIds.rules(rawRuleIds, settings);
        if (category == report.category() && ruleIds.equals(report.ruleIds())) {
            return report;
        }
        if (category != ReportCategory.VIOLATION && !ruleIds.isEmpty()) {
            throw ApiException.validation("rule_ids", "ERR_INVALID",
                    "rule_ids must be blank unless the category is violation");
        }
        // Every column is written from this one reading, so racing updates leave one of them whole, never a mix.
        reports.reclassify(id, category, ruleIds, ModerationPolicy.reclassified(report, category), clock.instant());
        audit.record(viewer.accountId(), "report.update", "report", id, changes(report, category, ruleIds));
        return get(viewer, id);
    }

    /** The audit detail of an update: each field changed, with what it was. */
    private static String changes(Report report, ReportCategory category, List<Long> ruleIds) {
        List<String> changes = new ArrayList<>();
        if (category != report.category()) {
            changes.add("category: " + report.category().key() + " -> " + category.key());
        }
        if (!ruleIds.equals(report.ruleIds())) {
            changes.add("rule_ids: " + joined(report.ruleIds()) + " -> " + joined(ruleIds));
        }
        return String.join("; ", changes);
    }

    @Transactional
    public Report reopen(Viewer viewer, long id) {
        get(viewer, id);
        reports.reopen(id, clock.instant());
        audit.record(viewer.accountId(), "report.reopen", "report", id, "");
        return get(viewer, id);
    }

    /** Closes a report because an action was taken on it (no effect on one already closed). */
    void actioned(Viewer viewer, long reportId) {
        if (reports.close(reportId, viewer.accountId(), Report.ACTIONED, clock.instant())) {
            audit.record(viewer.accountId(), "report.resolve", "report", reportId, "");
        }
    }

    /** A moderator reviewed the item: an automatic hold ends (its statement reversed) and old reports stop counting. */
    void release(Viewer viewer, Report.Item item, Long reportId) {
        holds.find(item).filter(Holds.Hold::active).ifPresent(hold -> {
            content.unmark(AutoHide.kindOf(item), item.id(), "hidden");
            if (hold.statementId() != null) {
                statements.reverse(hold.statementId(), clock.instant());
            }
            audit.record(viewer.accountId(), "content.restore", item.kind(), item.id(),
                    reportId == null ? "" : "report=" + reportId);
        });
        long owner = holds.find(item).map(Holds.Hold::accountId).orElse(0L);
        holds.reviewed(item, owner, clock.instant());
    }

    private static String joined(List<Long> ids) {
        return ids.isEmpty() ? "none" : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static void require(Viewer viewer) {
        if (!ModerationPolicy.canModerate(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
