package app.omnia.wallet.web;

import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.wallet.Asset;
import app.omnia.wallet.LedgerService;
import app.omnia.wallet.domain.Amounts;

/**
 * Money and ids in request bodies, the wallet's way: {@code amount} is a decimal in the asset's major unit
 * ("12.50" EUR), {@code asset} an enabled ISO 4217 code (the default one when absent). A malformed value is
 * a 422 naming the field, never echoed back.
 */
final class PaymentParams {

    /** An amount parsed against its asset. */
    record Money(long amount, String asset) {

        /** As an Idempotency-Key's request text: the same money however the amount was written. */
        @Override
        public String toString() {
            return "amount=" + amount + "&asset=" + asset;
        }
    }

    private PaymentParams() {
    }

    static Money money(Params params, LedgerService ledger) {
        String code = params.string("asset").filter(s -> !s.isBlank()).orElse(ledger.defaultAsset().code());
        Asset asset = ledger.requireEnabled(code);
        return new Money(Amounts.parse("amount", params.string("amount").orElse(null), asset), asset.code());
    }

    static long id(Params params, String field) {
        String text = params.required(field).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must be an id");
        }
    }
}
