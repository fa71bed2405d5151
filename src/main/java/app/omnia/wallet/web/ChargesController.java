package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.Charge;
import app.omnia.wallet.MerchantPayments;

/** Charges asked of the signed-in person, under {@code /api/omnia/v1/wallet/charges}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/charges")
class ChargesController {

    private static final List<String> STATUSES = List.of(Charge.PENDING, Charge.REQUIRES_CONFIRMATION,
            Charge.SUCCEEDED, Charge.DECLINED);

    private final MerchantPayments payments;
    private final KeyedReplies keyed;

    private final OperationJsons jsons;

    ChargesController(MerchantPayments payments, KeyedReplies keyed, OperationJsons jsons) {
        this.jsons = jsons;
        this.payments = payments;
        this.keyed = keyed;
    }

    /** Charges to pay ({@code status} filters), newest first, paged (at most 40). */
    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        return page(payments, jsons, "payer", params, request, response);
    }

    static List<Map<String, Object>> page(MerchantPayments payments, OperationJsons jsons, String side, Params params,
                                          HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        String status = params.string("status").filter(s -> !s.isBlank()).orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + String.join(", ", STATUSES));
        }
        List<Charge> found = payments.list(CurrentViewer.requireAccountId(), side, status, page);
        LinkHeader.set(request, response, found.stream().map(Charge::id).toList(), page.limit());
        return found.stream().map(jsons::charge).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return jsons.charge(payments.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @GetMapping("/{id}/refunds")
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> refunds(@PathVariable String id) {
        return payments.refunds(CurrentViewer.requireAccountId(), PathIds.parse(id)).stream()
                .map(jsons::refund).toList();
    }

    /**
     * Pays the charge, or answers {@code requires_confirmation} with a {@code confirmation_id} for large ones;
     * with an Idempotency-Key a retry gets this first answer again.
     */
    @PostMapping("/{id}/confirm")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> confirm(@PathVariable String id, HttpServletRequest request,
                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        long chargeId = PathIds.parse(id);
        return keyed.answer(me, key, request, "", () -> jsons.charge(payments.confirm(me, chargeId)));
    }

    @PostMapping("/{id}/decline")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> decline(@PathVariable String id) {
        return jsons.charge(payments.decline(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }
}
