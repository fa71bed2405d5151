package app.omnia.wallet.web;

import java.util.LinkedHashMap;
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
import app.omnia.wallet.LedgerEntry;
import app.omnia.wallet.TransferService;
import app.omnia.wallet.WalletJson;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.WalletService;

/** Balances, transfers, history and receipts under {@code /api/omnia/v1/wallet}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet")
class WalletController {

    private final WalletService wallet;
    private final TransferService transfers;
    private final WalletJson json;

    WalletController(WalletService wallet, TransferService transfers, WalletJson json) {
        this.wallet = wallet;
        this.transfers = transfers;
        this.json = json;
    }

    @GetMapping("/balances")
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> balances() {
        return wallet.balances(CurrentViewer.requireAccountId()).stream().map(b -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("asset", b.asset().code());
            map.put("minor_units", b.asset().minorUnits());
            map.put("balance", b.asset().format(b.balance()));
            map.put("balance_minor", b.balance());
            return map;
        }).toList();
    }

    /** {@code to} (@username or account id), {@code amount} (decimal string), {@code asset}, {@code note}. */
    @PostMapping("/transfers")
    @RequiresScope(WalletScopes.WRITE)
    ResponseEntity<String> transfer(Params params, HttpServletRequest request,
                                    @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        var input = new TransferService.TransferInput(params.string("to").orElse(null),
                params.string("amount").orElse(null), params.string("asset").orElse(null),
                params.string("note").orElse(null));
        return Replies.send(transfers.transfer(CurrentViewer.requireAccountId(), input, key, request.getRequestURI()));
    }

    @GetMapping("/transactions")
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> history(Params params, HttpServletRequest request, HttpServletResponse response) {
        long me = CurrentViewer.requireAccountId();
        PageRequest page = params.page(20, 40);
        List<LedgerEntry> entries = wallet.history(me, params.string("asset").orElse(null), page);
        LinkHeader.set(request, response, entries.stream().map(LedgerEntry::id).toList(), page.limit());
        return json.entries(me, entries);
    }

    @GetMapping("/transactions/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> receipt(@PathVariable String id) {
        long me = CurrentViewer.requireAccountId();
        return json.entry(me, wallet.receipt(me, PathIds.parse(id)));
    }

    /** The statement as CSV, paged like the history (up to 1,000 rows a page, Link header to the next). */
    @GetMapping("/transactions.csv")
    @RequiresScope(WalletScopes.READ)
    ResponseEntity<String> statement(Params params, HttpServletRequest request, HttpServletResponse response) {
        long me = CurrentViewer.requireAccountId();
        PageRequest page = params.page(100, 1000);
        List<LedgerEntry> entries = wallet.history(me, params.string("asset").orElse(null), page);
        LinkHeader.set(request, response, entries.stream().map(LedgerEntry::id).toList(), page.limit());
        return ResponseEntity.ok()
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"omnia-wallet-statement.csv\"")
                .body(Statements.csv(json.entries(me, entries)));
    }
}
