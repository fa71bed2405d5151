package app.omnia.moderation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.identity.Account;
import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.moderation.ModerationSettings;
import app.omnia.moderation.ReportQueue;
import app.omnia.moderation.domain.Report;
import app.omnia.platform.media.MediaStore;
import app.omnia.platform.web.JsonTime;
import app.omnia.social.ContentModeration;
import app.omnia.social.StatusRendering;

/** Mastodon's Report and Admin::Report entities, with Omnia's extra members. */
@Component
class ReportJsons {

    private final AccountService accounts;
    private final Links links;
    private final ReportQueue queue;
    private final StatusRendering statuses;
    private final ContentModeration content;
    private final ModerationSettings settings;
    private final MediaStore media;

    ReportJsons(AccountService accounts, Links links, ReportQueue queue, StatusRendering statuses,
                ContentModeration content, ModerationSettings settings, MediaStore media) {
        this.media = media;
        this.accounts = accounts;
        this.links = links;
        this.queue = queue;
        this.statuses = statuses;
        this.content = content;
        this.settings = settings;
    }

    /** The Report entity a reporter sees (plus {@code illegal_category}, {@code media_ids}, {@code message_ids}, {@code outcome}). */
    Map<String, Object> report(Report r) {
        List<Report.Item> items = queue.items(r.id());
        Map<String, Object> json = common(r, items);
        json.put("target_account", account(r.targetAccountId()));
        return json;
    }

    Map<String, Object> admin(Report r, long viewerId) {
        List<Report.Item> items = queue.items(r.id());
        Map<String, Object> json = common(r, items);
        json.put("updated_at", JsonTime.of(r.updatedAt()));
        json.put("trusted_flagger", r.trustedFlagger());
        json.put("account", adminAccount(r.accountId()));
        json.put("target_account", adminAccount(r.targetAccountId()));
        json.put("assigned_account", r.assignedAccountId() == null ? null : adminAccount(r.assignedAccountId()));
        json.put("action_taken_by_account", r.actionTakenByAccountId() == null ? null
                : adminAccount(r.actionTakenByAccountId()));
        json.put("statuses", statuses.render(ids(items, "status"), viewerId));
        json.put("rules", r.ruleIds().stream().map(id -> rule(id, settings.rules().get((int) (id - 1)))).toList());
        json.put("severity", r.severity());
        json.put("messages", queue.evidence(r.id()).stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", String.valueOf(e.messageId()));
            m.put("conversation_id", String.valueOf(e.conversationId()));
            m.put("sender_id", String.valueOf(e.senderId()));
            m.put("text", e.text());
            m.put("encrypted", e.encrypted());
            m.put("media_urls", e.mediaFiles().stream().map(media::url).toList());
            m.put("created_at", JsonTime.of(e.sentAt()));
            return m;
        }).toList());
        return json;
    }

    static Map<String, Object> rule(long id, String text) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", String.valueOf(id));
        rule.put("text", text);
        rule.put("hint", "");
        return rule;
    }

    private Map<String, Object> common(Report r, List<Report.Item> items) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(r.id()));
        json.put("action_taken", !r.open());
        json.put("action_taken_at", JsonTime.of(r.actionTakenAt()));
        json.put("category", r.category().key());
        json.put("comment", r.comment());
        json.put("forwarded", r.forwarded());
        json.put("created_at", JsonTime.of(r.createdAt()));
        json.put("status_ids", strings(ids(items, "status")));
        json.put("rule_ids", strings(r.ruleIds()));
        json.put("illegal_category", r.illegalCategory() == null ? null : r.illegalCategory().key());
        json.put("media_ids", strings(ids(items, "media")));
        json.put("message_ids", strings(ids(items, "message")));
        json.put("outcome", r.outcome());
        return json;
    }

    private AccountJson account(long id) {
        return accounts.find(id).map(a -> AccountJson.of(accounts.view(a), links)).orElse(null);
    }

    /** Mastodon's Admin::Account, with what Omnia knows. */
    private Map<String, Object> adminAccount(long id) {
        Account a = accounts.find(id).orElse(null);
        if (a == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(a.id()));
        json.put("username", a.username());
        json.put("domain", null);
        json.put("created_at", JsonTime.of(a.createdAt()));
        json.put("email", a.email());
        json.put("ip", null);
        json.put("ips", List.of());
        json.put("locale", a.locale());
        json.put("invite_request", a.registrationReason());
        json.put("role", Map.of("name", a.role().key()));
        json.put("confirmed", true);
        json.put("approved", a.approved());
        json.put("disabled", false);
        json.put("silenced", content.accountMarks(a.id()).contains("limited"));
        json.put("suspended", a.suspended());
        json.put("sensitized", content.accountMarks(a.id()).contains("sensitive"));
        json.put("account", AccountJson.of(accounts.view(a), links));
        return json;
    }

    private static List<Long> ids(List<Report.Item> items, String kind) {
        List<Long> ids = new ArrayList<>();
        items.stream().filter(i -> i.kind().equals(kind)).forEach(i -> ids.add(i.id()));
        return ids;
    }

    private static List<String> strings(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }
}
