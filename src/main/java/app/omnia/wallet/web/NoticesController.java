package app.omnia.wallet.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.wallet.WalletNotices;
import app.omnia.wallet.WalletScopes;

/**
 * {@code GET /api/omnia/v1/wallet/notices}: what waits in one's own wallet; {@code POST .../notices/read}: the
 * payments received so far are seen. Only ever the signed-in person's own: there is no id to ask for another's.
 */
@RestController
@RequestMapping("/api/omnia/v1/wallet/notices")
class NoticesController {

    private final WalletNotices notices;

    NoticesController(WalletNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> notices() {
        return json(notices.of(CurrentViewer.requireAccountId()));
    }

    @PostMapping("/read")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> read() {
        return json(notices.seen(CurrentViewer.requireAccountId()));
    }

    private static Map<String, Object> json(WalletNotices.Counts counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("received", counts.received());
        json.put("money_requests", counts.moneyRequests());
        json.put("charges", counts.charges());
        return json;
    }
}
