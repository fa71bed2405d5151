package app.omnia.wallet.web;

import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/** Money and ids in request bodies; a malformed value is a 422 naming the field, never echoed back. */
final class PaymentParams {

    private PaymentParams() {
    }

    /** {@code amount}: a positive whole number of minor units (a string or a JSON number). */
    static long amount(Params params) {
        String text = params.required("amount").trim();
        try {
            long amount = Long.parseLong(text);
            if (amount <= 0) {
                throw ApiException.validation("amount", "ERR_INVALID", "amount must be a positive number of minor units");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw ApiException.validation("amount", "ERR_INVALID", "amount must be a whole number of minor units");
        }
    }

    static String asset(Params params, String defaultAsset) {
        return params.string("asset").filter(s -> !s.isBlank()).orElse(defaultAsset);
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
