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
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.CardOperation;
import app.omnia.wallet.LedgerService;
import app.omnia.wallet.WithdrawalService;

/** Withdrawals to a saved card, under {@code /api/omnia/v1/wallet/withdrawals}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/withdrawals")
class WithdrawalsController {

    private final WithdrawalService withdrawals;
    private final LedgerService ledger;

    private final OperationJsons jsons;
    private final KeyedReplies keyed;

    WithdrawalsController(WithdrawalService withdrawals, LedgerService ledger, OperationJsons jsons, KeyedReplies keyed) {
        this.jsons = jsons;
        this.keyed = keyed;
        this.withdrawals = withdrawals;
        this.ledger = ledger;
    }

    /**
     * {@code card_id}, {@code amount} (a decimal, e.g. 12.50), {@code asset}; {@code Idempotency-Key} recommended:
     * a retry gets the first answer again, a refusal included.
     */
    @PostMapping
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> start(Params params, HttpServletRequest request,
                            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        PaymentParams.Money money = PaymentParams.money(params, ledger);
        long cardId = PaymentParams.id(params, "card_id");
        return keyed.answer(me, key, request, "card_id=" + cardId + "&" + money,
                () -> jsons.operation(withdrawals.start(me, cardId, money.amount(), money.asset(), key)),
                id -> jsons.operation(withdrawals.get(me, id)));
    }

    @GetMapping("/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return jsons.operation(withdrawals.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<CardOperation> found = withdrawals.list(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(CardOperation::id).toList(), page.limit());
        return found.stream().map(jsons::operation).toList();
    }
}
