package app.omnia.wallet.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.wallet.AdjustmentService;
import app.omnia.wallet.LedgerInvariants;
import app.omnia.wallet.WalletScopes;

/** Admin-only wallet operations under {@code /api/omnia/v1/admin/wallet}. */
@RestController
@RequestMapping("/api/omnia/v1/admin/wallet")
class AdminWalletController {

    private final AdjustmentService adjustments;
    private final LedgerInvariants invariants;

    AdminWalletController(AdjustmentService adjustments, LedgerInvariants invariants) {
        this.adjustments = adjustments;
        this.invariants = invariants;
    }

    /**
     * Credits ({@code direction=credit}, the default) or debits a user from / to the issuance account:
     * {@code account_id}, {@code amount}, {@code asset}, {@code note} (the reason, required). Audited.
     */
    @PostMapping("/adjustments")
    @RequiresScope(WalletScopes.ADMIN_WRITE)
    ResponseEntity<String> adjust(Params params, HttpServletRequest request,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Viewer admin = requireAdmin();
        long accountId;
        try {
            accountId = Long.parseLong(params.required("account_id").trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("account_id", "ERR_INVALID", "account_id must be an id");
        }
        return Replies.send(adjustments.adjust(admin, accountId, params.string("direction").orElse(null),
                params.string("amount").orElse(null), params.string("asset").orElse(null),
                params.string("note").orElse(null), key, request.getRequestURI()));
    }

    @GetMapping("/invariants")
    @RequiresScope(WalletScopes.ADMIN_READ)
    LedgerInvariants.Report invariants() {
        requireAdmin();
        return invariants.check();
    }

    private static Viewer requireAdmin() {
        Viewer viewer = CurrentViewer.require();
        if (!viewer.isAdmin()) {
            throw ApiException.forbidden("This action is only for admins");
        }
        return viewer;
    }
}
