package app.omnia.identity.web;

import app.omnia.identity.AccountJson;
import app.omnia.identity.Links;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountService;
import app.omnia.identity.AdminService;
import app.omnia.identity.Role;
import app.omnia.identity.VerificationKind;
import app.omnia.identity.Account;
import app.omnia.identity.domain.AccountPolicy;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/**
 * Staff actions on accounts. Mastodon's admin paths where Mastodon has them (approve, reject,
 * unsuspend; {@code action} is the moderation module's); Omnia's own for roles, verification kinds and the audit log. The token needs the admin
 * scope and the account the staff role: both are checked.
 */
@RestController
class AdminAccountsController {

    private final AdminService admin;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Links links;

    AdminAccountsController(AdminService admin, AccountService accounts, AuditLog audit, Links links) {
        this.admin = admin;
        this.accounts = accounts;
        this.audit = audit;
        this.links = links;
    }

    @PostMapping("/api/v1/admin/accounts/{id}/approve")
    @RequiresScope("admin:write:accounts")
    AccountJson approve(@PathVariable String id) {
        return json(admin.approve(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PostMapping("/api/v1/admin/accounts/{id}/reject")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> reject(@PathVariable String id) {
        admin.reject(CurrentViewer.require(), PathIds.parse(id));
        return Map.of();
    }

    @PostMapping("/api/v1/admin/accounts/{id}/unsuspend")
    @RequiresScope("admin:write:accounts")
    AccountJson unsuspend(@PathVariable String id) {
        return json(admin.unsuspend(CurrentViewer.require(), PathIds.parse(id)));
    }

    /** Mastodon's enable: signing in works again after a {@code disable} action. */
    @PostMapping("/api/v1/admin/accounts/{id}/enable")
    @RequiresScope("admin:write:accounts")
    AccountJson enable(@PathVariable String id) {
        return json(admin.enable(CurrentViewer.require(), PathIds.parse(id)));
    }

    @PutMapping("/api/omnia/v1/admin/accounts/{id}/role")
    @RequiresScope("admin:write:accounts")
    AccountJson role(@PathVariable String id, Params params) {
        String key = params.required("role");
        Role role;
        try {
            role = Role.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("role", "ERR_INCLUSION", "role must be one of: user, moderator, admin");
        }
        return json(admin.changeRole(CurrentViewer.require(), PathIds.parse(id), role));
    }

    @PostMapping("/api/omnia/v1/admin/accounts/{id}/verifications")
    @RequiresScope("admin:write:accounts")
    AccountJson grant(@PathVariable String id, Params params) {
        long accountId = PathIds.parse(id);
        admin.grantVerification(CurrentViewer.require(), accountId, kind(params.required("kind")));
        return json(accounts.find(accountId).orElseThrow(ApiException::notFound));
    }

    @DeleteMapping("/api/omnia/v1/admin/accounts/{id}/verifications/{kind}")
    @RequiresScope("admin:write:accounts")
    AccountJson revoke(@PathVariable String id, @PathVariable String kind) {
        long accountId = PathIds.parse(id);
        admin.revokeVerification(CurrentViewer.require(), accountId, kind(kind));
        return json(accounts.find(accountId).orElseThrow(ApiException::notFound));
    }

    record AuditEntryJson(String id, String actorId, String action, String targetType, String targetId, String detail,
                          String createdAt) {}

    @GetMapping("/api/omnia/v1/admin/audit_log")
    @RequiresScope("admin:read")
    org.springframework.http.ResponseEntity<List<AuditEntryJson>> auditLog(Params params,
            jakarta.servlet.http.HttpServletRequest request) {
        Viewer viewer = CurrentViewer.require();
        if (!AccountPolicy.canReadAudit(viewer)) {
            throw ApiException.forbidden("This action is not allowed");
        }
        PageRequest page = params.page(40, 80);
        Long target = params.string("account_id").map(PathIds::parse).orElse(null);
        List<AuditLog.AuditEntry> entries = audit.page(page, target == null ? null : "account", target);
        List<AuditEntryJson> body = entries.stream().map(e -> new AuditEntryJson(String.valueOf(e.id()),
                e.actorId() == null ? null : String.valueOf(e.actorId()), e.action(), e.targetType(),
                e.targetId() == null ? null : String.valueOf(e.targetId()), e.detail(), JsonTime.of(e.createdAt())))
                .toList();
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        var response = org.springframework.http.ResponseEntity.ok();
        LinkHeader.forPage(url, entries.stream().map(AuditLog.AuditEntry::id).toList(), page.limit())
                .ifPresent(link -> response.header("Link", link));
        return response.body(body);
    }

    private static VerificationKind kind(String key) {
        return VerificationKind.fromKey(key).orElseThrow(() -> ApiException.validation("kind", "ERR_INCLUSION",
                "kind must be one of: identity, organisation, government"));
    }

    private AccountJson json(Account account) {
        return AccountJson.of(accounts.view(account), links);
    }
}
