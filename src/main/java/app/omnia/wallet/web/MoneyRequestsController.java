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
import app.omnia.wallet.MoneyRequestService;
import app.omnia.wallet.WalletJson;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.domain.MoneyRequest;

/** Money requests under {@code /api/omnia/v1/wallet/requests}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/requests")
class MoneyRequestsController {

    private final MoneyRequestService requests;
    private final WalletJson json;
    private final KeyedReplies keyed;

    MoneyRequestsController(MoneyRequestService requests, WalletJson json, KeyedReplies keyed) {
        this.requests = requests;
        this.json = json;
        this.keyed = keyed;
    }

    /**
     * {@code payer} (@username or account id), {@code amount}, {@code asset}, {@code note}; with an
     * {@code Idempotency-Key} a retry gets the first answer again.
     */
    @PostMapping
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<?> ask(Params params, HttpServletRequest request,
                          @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        long me = CurrentViewer.requireAccountId();
        String payer = params.string("payer").orElse(null);
        String amount = params.string("amount").orElse(null);
        String asset = params.string("asset").orElse(null);
        String note = params.string("note").orElse(null);
        return keyed.answer(me, key, request, "payer=" + payer + "&amount=" + amount + "&asset=" + asset + "&note=" + note,
                () -> json.request(requests.ask(me, payer, amount, asset, note, key)),
                id -> json.request(requests.get(me, id)));
    }

    /** {@code box} = incoming (default: asked of me) | outgoing; {@code state} filters; paged. */
    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        boolean incoming = switch (params.string("box").filter(s -> !s.isBlank()).orElse("incoming")) {
            case "incoming" -> true;
            case "outgoing" -> false;
            default -> throw ApiException.badRequest("box", "box must be incoming or outgoing");
        };
        MoneyRequest.State state = params.string("state").filter(s -> !s.isBlank()).map(s -> switch (s) {
            case "pending" -> MoneyRequest.State.PENDING;
            case "paid" -> MoneyRequest.State.PAID;
            case "declined" -> MoneyRequest.State.DECLINED;
            case "cancelled" -> MoneyRequest.State.CANCELLED;
            default -> throw ApiException.badRequest("state", "state must be pending, paid, declined or cancelled");
        }).orElse(null);
        List<MoneyRequest> found = requests.list(CurrentViewer.requireAccountId(), incoming, state, page);
        LinkHeader.set(request, response, found.stream().map(MoneyRequest::id).toList(), page.limit());
        return found.stream().map(json::request).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return json.request(requests.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    /** The payer pays: the answer is the transaction, as for a transfer (Idempotency-Key accepted). */
    @PostMapping("/{id}/approve")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<String> approve(@PathVariable String id, HttpServletRequest request,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        return Replies.send(requests.approve(CurrentViewer.requireAccountId(), PathIds.parse(id), key,
                request.getRequestURI()));
    }

    @PostMapping("/{id}/decline")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> decline(@PathVariable String id) {
        return json.request(requests.decline(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @PostMapping("/{id}/cancel")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> cancel(@PathVariable String id) {
        return json.request(requests.cancel(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }
}
