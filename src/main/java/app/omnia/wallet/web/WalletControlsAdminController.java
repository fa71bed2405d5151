package app.omnia.wallet.web;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.LedgerService;
import app.omnia.wallet.MerchantPayments;
import app.omnia.wallet.WalletControls;
import app.omnia.wallet.domain.WalletStaffPolicy;

/**
 * Staff acts on wallets, under {@code /api/omnia/v1/admin/wallet}: freeze and unfreeze (moderators and
 * admins), merchant accounts (admins). Each act is written to the audit log.
 */
@RestController
@RequestMapping("/api/omnia/v1/admin/wallet")
class WalletControlsAdminController {

    private final WalletControls controls;
    private final MerchantPayments payments;
    private final LedgerService ledger;

    private final OperationJsons jsons;

    WalletControlsAdminController(WalletControls controls, MerchantPayments payments, LedgerService ledger, OperationJsons jsons) {
        this.jsons = jsons;
        this.controls = controls;
        this.payments = payments;
        this.ledger = ledger;
    }

    @GetMapping("/accounts/{id}")
    @RequiresScope(WalletScopes.ADMIN_READ)
    Map<String, Object> account(@PathVariable String id, Params params) {
        requireStaff();
        String asset = ledger.requireEnabled(params.string("asset").filter(s -> !s.isBlank()).orElse(ledger.defaultAsset().code())).code();
        return jsons.limits(controls.status(PathIds.parse(id), asset));
    }

    /** {@code reason} (required, at most 500 characters). */
    @PostMapping("/accounts/{id}/freeze")
    @RequiresScope(WalletScopes.ADMIN_WRITE)
    Map<String, Object> freeze(@PathVariable String id, Params params) {
        Viewer staff = requireStaff();
        long account = PathIds.parse(id);
        controls.freeze(staff.accountId(), account, params.string("reason").orElse(null));
        return jsons.limits(controls.status(account, ledger.defaultAsset().code()));
    }

    @PostMapping("/accounts/{id}/unfreeze")
    @RequiresScope(WalletScopes.ADMIN_WRITE)
    Map<String, Object> unfreeze(@PathVariable String id, Params params) {
        Viewer staff = requireStaff();
        long account = PathIds.parse(id);
        controls.unfreeze(staff.accountId(), account, params.string("reason").orElse(null));
        return jsons.limits(controls.status(account, ledger.defaultAsset().code()));
    }

    @PostMapping("/merchants/{id}")
    @RequiresScope(WalletScopes.ADMIN_WRITE)
    Map<String, Object> enableMerchant(@PathVariable String id) {
        Viewer admin = requireAdmin();
        long account = PathIds.parse(id);
        payments.enableMerchant(admin.accountId(), account);
        return Map.of("account_id", String.valueOf(account), "merchant", true);
    }

    @DeleteMapping("/merchants/{id}")
    @RequiresScope(WalletScopes.ADMIN_WRITE)
    Map<String, Object> disableMerchant(@PathVariable String id) {
        Viewer admin = requireAdmin();
        long account = PathIds.parse(id);
        payments.disableMerchant(admin.accountId(), account);
        return Map.of("account_id", String.valueOf(account), "merchant", false);
    }

    private static Viewer requireStaff() {
        Viewer viewer = CurrentViewer.require();
        if (viewer.accountId() == null || !WalletStaffPolicy.canFreeze(viewer.isStaff())) {
            throw ApiException.forbidden("This action is for moderators and admins");
        }
        return viewer;
    }

    private static Viewer requireAdmin() {
        Viewer viewer = CurrentViewer.require();
        if (viewer.accountId() == null || !WalletStaffPolicy.canManageMerchants(viewer.isAdmin())) {
            throw ApiException.forbidden("This action is for admins");
        }
        return viewer;
    }
}
