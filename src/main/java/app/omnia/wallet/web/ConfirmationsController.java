package app.omnia.wallet.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.MerchantPayments;
import app.omnia.wallet.PaymentConfirmations;
import app.omnia.wallet.WalletControls;
import app.omnia.wallet.WithdrawalService;

/** Second confirmations of large payments, under {@code /api/omnia/v1/wallet/confirmations}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/confirmations")
class ConfirmationsController {

    private final PaymentConfirmations confirmations;
    private final WithdrawalService withdrawals;
    private final MerchantPayments charges;
    private final KeyedReplies keyed;

    private final OperationJsons jsons;

    ConfirmationsController(PaymentConfirmations confirmations, WithdrawalService withdrawals,
                            MerchantPayments charges, KeyedReplies keyed, OperationJsons jsons) {
        this.jsons = jsons;
        this.keyed = keyed;
        this.confirmations = confirmations;
        this.withdrawals = withdrawals;
        this.charges = charges;
    }

    /**
     * Carries the waiting payment out; answers {@code {id, type, status, <type>: the payment}}. With an
     * Idempotency-Key a retry gets this first answer again, not "already confirmed".
     */
    @PostMapping("/{id}/confirm")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> confirm(@PathVariable String id, HttpServletRequest request,
                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        long confirmationId = PathIds.parse(id);
        return keyed.answer(me, key, request, "", () ->
                json(me, confirmations.confirm(me, confirmationId), "confirmed"));
    }

    @PostMapping("/{id}/cancel")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> cancel(@PathVariable String id) {
        long me = CurrentViewer.requireAccountId();
        return json(me, confirmations.cancel(me, PathIds.parse(id)), "cancelled");
    }

    private Map<String, Object> json(long me, PaymentConfirmations.Confirmed done, String status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(done.confirmationId()));
        json.put("type", done.kind());
        json.put("status", status);
        switch (done.kind()) {
            case WalletControls.WITHDRAWAL -> json.put("withdrawal", jsons.operation(withdrawals.get(me, done.refId())));
            case WalletControls.CHARGE -> json.put("charge", jsons.charge(charges.get(me, done.refId())));
            default -> json.put("ref_id", String.valueOf(done.refId()));
        }
        return json;
    }
}
