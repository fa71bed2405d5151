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

import app.omnia.identity.AccountService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.Asset;
import app.omnia.wallet.LedgerService;
import app.omnia.wallet.MerchantPayments;
import app.omnia.wallet.domain.Amounts;

/**
 * The merchant side over HTTP, for merchant accounts (made so by an admin): charge someone, list one's
 * charges, refund. Modules that sell call {@link MerchantPayments} directly instead.
 */
@RestController
@RequestMapping("/api/omnia/v1/wallet/merchant/charges")
class MerchantChargesController {

    private final MerchantPayments payments;
    private final AccountService accounts;
    private final LedgerService ledger;

    private final OperationJsons jsons;
    private final KeyedReplies keyed;

    MerchantChargesController(MerchantPayments payments, AccountService accounts, LedgerService ledger,
                              OperationJsons jsons, KeyedReplies keyed) {
        this.jsons = jsons;
        this.keyed = keyed;
        this.payments = payments;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /**
     * {@code account} ({@code @username} or an account id), {@code amount}, {@code asset}, {@code description};
     * with an {@code Idempotency-Key} a retry gets the first answer again.
     */
    @PostMapping
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> create(Params params, HttpServletRequest request,
                             @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        long payer = payer(params.required("account").trim());
        PaymentParams.Money money = PaymentParams.money(params, ledger);
        String description = params.string("description").orElse("");
        return keyed.answer(me, key, request, "account=" + payer + "&" + money + "&description=" + description,
                () -> jsons.charge(payments.createCharge(me, payer, money.amount(), money.asset(), description, key)),
                id -> jsons.charge(payments.get(me, id)));
    }

    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        return ChargesController.page(payments, jsons, "merchant", params, request, response);
    }

    /**
     * {@code amount} (at most what remains unrefunded); {@code Idempotency-Key} recommended: a retry gets the first
     * answer again (the refund remembers its key too, so a retry whose first answer was lost refunds nothing more).
     */
    @PostMapping("/{id}/refunds")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> refund(@PathVariable String id, Params params, HttpServletRequest request,
                             @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        long chargeId = PathIds.parse(id);
        String asset = payments.get(me, chargeId).asset();
        long amount = Amounts.parse("amount", params.string("amount").orElse(null), ledger.requireEnabled(asset));
        return keyed.answer(me, key, request, "amount=" + amount,
                () -> jsons.refund(payments.refund(me, chargeId, amount, key)));
    }

    private long payer(String reference) {
        var account = reference.startsWith("@") ? accounts.findByUsername(reference.substring(1))
                : parseId(reference).flatMap(accounts::find);
        return account.filter(a -> a.canAct()).map(a -> a.id()).orElseThrow(() ->
                ApiException.validation("account", "ERR_INVALID", "account must be @username or the id of an account"));
    }

    private static java.util.Optional<Long> parseId(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
