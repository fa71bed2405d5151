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
import app.omnia.wallet.TopUpService;

/** Top-ups from a saved card, under {@code /api/omnia/v1/wallet/topups}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/topups")
class TopUpsController {

    private final TopUpService topUps;
    private final LedgerService ledger;
    private final KeyedReplies keyed;

    private final OperationJsons jsons;

    TopUpsController(TopUpService topUps, LedgerService ledger, KeyedReplies keyed, OperationJsons jsons) {
        this.jsons = jsons;
        this.topUps = topUps;
        this.ledger = ledger;
        this.keyed = keyed;
    }

    /**
     * {@code card_id}, {@code amount} (a decimal, e.g. 12.50), {@code asset}; {@code Idempotency-Key} recommended:
     * a retry gets the first answer again.
     */
    @PostMapping
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> start(Params params, HttpServletRequest request,
                            @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        PaymentParams.Money money = PaymentParams.money(params, ledger);
        long cardId = PaymentParams.id(params, "card_id");
        return keyed.answer(me, key, request, "card_id=" + cardId + "&" + money,
                () -> jsons.operation(topUps.start(me, cardId, money.amount(), money.asset(), key)),
                id -> jsons.operation(topUps.get(me, id)));
    }

    /** The challenge's answer: {@code code}; with an Idempotency-Key a retry gets the first answer again. */
    @PostMapping("/{id}/confirm")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> confirm(@PathVariable String id, Params params, HttpServletRequest request,
                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        long topUpId = PathIds.parse(id);
        String code = params.string("code").orElse(null);
        return keyed.answer(me, key, request, "code=" + code, () ->
                jsons.operation(topUps.confirm(me, topUpId, code)));
    }

    @GetMapping("/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return jsons.operation(topUps.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<CardOperation> found = topUps.list(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(CardOperation::id).toList(), page.limit());
        return found.stream().map(jsons::operation).toList();
    }
}
