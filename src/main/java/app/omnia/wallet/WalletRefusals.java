package app.omnia.wallet;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import app.omnia.platform.web.ApiException;

/**
 * The wallet's own refusals of a payment (as opposed to a card network's declines), kept on the operation as
 * a failure code so that a retry with the same Idempotency-Key is refused the same way.
 */
final class WalletRefusals {

    private static final Map<String, String> CODES = Map.of(
            "insufficient-funds", "insufficient_funds", "spending-limit", "spending_limit",
            "wallet-frozen", "wallet_frozen");

    private WalletRefusals() {
    }

    static String code(ApiException refused) {
        return CODES.getOrDefault(refused.type(), "refused");
    }

    static boolean isRefusal(String failureCode) {
        return failureCode != null && (CODES.containsValue(failureCode) || "refused".equals(failureCode));
    }

    static ApiException of(String failureCode) {
        return switch (failureCode) {
            case "wallet_frozen" -> WalletControls.frozen();
            case "insufficient_funds" -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-funds",
                    "Insufficient funds", "The balance is too low for this amount",
                    List.of(new ApiException.FieldError("amount", "ERR_INSUFFICIENT_FUNDS",
                            "The balance is too low for this amount")), Map.of());
            case "spending_limit" -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "spending-limit",
                    "Spending limit reached", "This payment would pass a spending limit",
                    List.of(new ApiException.FieldError("amount", "ERR_LIMIT", "This payment would pass a spending limit")),
                    Map.of());
            default -> ApiException.unprocessable("This withdrawal was refused");
        };
    }
}
