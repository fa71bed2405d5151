package app.omnia.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.identity.VerificationKind;
import app.omnia.messaging.MessageEvidence;
import app.omnia.messaging.MessageService;
import app.omnia.moderation.domain.IllegalCategory;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Report;
import app.omnia.moderation.domain.ReportCategory;
import app.omnia.moderation.persistence.Reports;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.PathIds;
import app.omnia.social.ContentModeration;

/**
 * Filing reports and reading one's own. Everything named must be visible to the reporter (404 otherwise, as if
 * it did not exist) and belong to the reported account; chat messages are copied as evidence at once.
 */
@Service
public class ReportService {

    public static final int MAX_COMMENT = 1000;
    public static final int MAX_ITEMS = 40;

    private final Reports reports;
    private final AccountService accounts;
    private final ContentModeration content;
    private final MessageService messages;
    private final AutoHide autoHide;
    private final ModerationSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final Misuse misuse;
    private final TrustedFlaggers flaggers;

    ReportService(Reports reports, AccountService accounts, ContentModeration content, MessageService messages,
                  AutoHide autoHide, ModerationSettings settings, Misuse misuse, TrustedFlaggers flaggers,
                  IdGenerator ids, Clock clock) {
        this.misuse = misuse;
        this.flaggers = flaggers;
        this.reports = reports;
        this.accounts = accounts;
        this.content = content;
        this.messages = messages;
        this.autoHide = autoHide;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Report file(Viewer viewer, NewReport request) {
        long reporter = viewer.accountId();
        misuse.requireMayReport(reporter);
        String rawTarget = request.accountId();
        if (rawTarget == null || rawTarget.isBlank()) {
            throw ApiException.validation("account_id", "ERR_BLANK", "account_id can't be blank");
        }
        Account target = accounts.visible(viewer, PathIds.parse(rawTarget)).account();
        if (target.id() == reporter) {
            throw ApiException.validation("account_id", "ERR_INVALID", "You cannot report yourself");
        }
        IllegalCategory illegal = illegalCategory(request.illegalCategory());
        ReportCategory category = category(request.category(), illegal, request.ruleIds());
        List<Long> ruleIds = ReportIds.rules(request.ruleIds(), settings);
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.length() > MAX_COMMENT) {
            throw ApiException.validation("comment", "ERR_TOO_LONG", "comment is too long (maximum is 1000 characters)");
        }
        int count = size(request.statusIds()) + size(request.mediaIds()) + size(request.messageIds());
        if (count > MAX_ITEMS) {
            throw ApiException.validation("status_ids", "ERR_TOO_LONG", "A report names at most 40 items");
        }
        List<Report.Item> items = new ArrayList<>();
        List<ContentModeration.ReportableStatus> reportedStatuses = new ArrayList<>();
        for (long id : ReportIds.ids("status_ids", request.statusIds())) {
            var status = content.reportableStatus(reporter, id);
            requireOwnedBy(target, status.accountId(), "status_ids");
            items.add(new Report.Item("status", id));
            reportedStatuses.add(status);
        }
        List<ContentModeration.ReportableMedia> reportedMedia = new ArrayList<>();
        for (long id : ReportIds.ids("media_ids", request.mediaIds())) {
            var media = content.reportableMedia(reporter, id);
            requireOwnedBy(target, media.accountId(), "media_ids");
            items.add(new Report.Item("media", id));
            reportedMedia.add(media);
        }
        List<Report.Evidence> evidence = evidence(reporter, target, request, items);
        boolean official = official(target.id());
        Report report = new Report(ids.next(), reporter, target.id(), category, illegal, comment, request.forward(),
                ruleIds, ModerationPolicy.severity(category, illegal, official), null, null, null, null,
                clock.instant(), clock.instant(), flaggers.isTrusted(reporter));
        reports.insert(report, items, evidence);
        if (!official) {
            // Official accounts are never hidden automatically: their reports lead the human queue instead.
            reportedStatuses.forEach(s -> autoHide.consider(new Report.Item("status", s.id()), s.accountId(),
                    s.showsMedia() ? "CONTENT_TYPE_TEXT,CONTENT_TYPE_IMAGE" : "CONTENT_TYPE_TEXT", s.createdAt()));
            reportedMedia.forEach(m -> autoHide.consider(new Report.Item("media", m.id()), m.accountId(),
                    "CONTENT_TYPE_IMAGE", m.createdAt()));
        }
        return report;
    }

    /** One of the reporter's own reports, with its outcome; anyone else's is 404. */
    public Report own(long reporter, long id) {
        return reports.find(id).filter(r -> r.accountId() == reporter).orElseThrow(ApiException::notFound);
    }

    public List<Report> ownPage(long reporter, PageRequest page) {
        return reports.page(null, reporter, null, page);
    }

    public List<Report.Item> items(long reportId) {
        return reports.items(reportId);
    }

    boolean official(long accountId) {
        Set<VerificationKind> kinds = accounts.verificationKinds(accountId);
        return kinds.contains(VerificationKind.GOVERNMENT) || kinds.contains(VerificationKind.ORGANISATION);
    }

    private List<Report.Evidence> evidence(long reporter, Account target, NewReport request, List<Report.Item> items) {
        List<Long> messageIds = ReportIds.ids("message_ids", request.messageIds());
        if (messageIds.isEmpty()) {
            return List.of();
        }
        if (request.conversationId() == null || request.conversationId().isBlank()) {
            throw ApiException.validation("conversation_id", "ERR_BLANK", "conversation_id is needed with message_ids");
        }
        long conversation = PathIds.parse(request.conversationId());
        List<Report.Evidence> evidence = new ArrayList<>();
        for (long id : messageIds) {
            // 404 alike for a non-member, a message of another conversation and one deleted for everyone.
            MessageEvidence m = messages.evidence(id, reporter)
                    .filter(e -> e.conversationId() == conversation && !e.deleted())
                    .orElseThrow(ApiException::notFound);
            requireOwnedBy(target, m.senderId(), "message_ids");
            items.add(new Report.Item("message", id));
            evidence.add(new Report.Evidence(m.messageId(), m.conversationId(), m.senderId(), m.text(), m.encrypted(),
                    m.mediaFiles(), m.createdAt()));
        }
        return evidence;
    }

    private static void requireOwnedBy(Account target, long owner, String field) {
        if (owner != target.id()) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must name items of the reported account");
        }
    }

    private static IllegalCategory illegalCategory(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return IllegalCategory.fromKey(key.strip()).orElseThrow(() -> ApiException.validation("illegal_category",
                "ERR_INCLUSION", "illegal_category must be one of: " + IllegalCategory.keys()));
    }

    /** Mastodon's default: {@code violation} when rules are cited, else {@code other}; illegal content is {@code legal}. */
    private static ReportCategory category(String key, IllegalCategory illegal, List<String> ruleIds) {
        if (key == null || key.isBlank()) {
            return illegal != null ? ReportCategory.LEGAL
                    : size(ruleIds) > 0 ? ReportCategory.VIOLATION : ReportCategory.OTHER;
        }
        ReportCategory category = ReportCategory.fromKey(key.strip()).orElseThrow(() -> ApiException.validation(
                "category", "ERR_INCLUSION", "category must be one of: spam, legal, violation, other"));
        if (illegal != null && category != ReportCategory.LEGAL) {
            throw ApiException.validation("category", "ERR_INVALID", "illegal_category goes with category legal");
        }
        return category;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }
}
