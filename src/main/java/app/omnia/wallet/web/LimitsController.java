package app.omnia.wallet.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.Params;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.LedgerService;
import app.omnia.wallet.WalletControls;

/** The signed-in person's spending limits and freeze state: {@code GET /api/omnia/v1/wallet/limits?asset=}. */
@RestController
class LimitsController {

    private final WalletControls controls;
    private final LedgerService ledger;

    private final OperationJsons jsons;

    LimitsController(WalletControls controls, LedgerService ledger, OperationJsons jsons) {
        this.jsons = jsons;
        this.controls = controls;
        this.ledger = ledger;
    }

    @GetMapping("/api/omnia/v1/wallet/limits")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> limits(Params params) {
        String asset = ledger.requireEnabled(params.string("asset").filter(s -> !s.isBlank()).orElse(ledger.defaultAsset().code())).code();
        return jsons.limits(controls.status(CurrentViewer.requireAccountId(), asset));
    }
}
