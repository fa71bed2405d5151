package app.omnia.wallet;

import app.omnia.platform.web.ApiException;

/** Checks shared by top-ups and withdrawals. */
final class CardOperationRules {

    private CardOperationRules() {
    }

    /** @param asset the enabled asset of the operation, so the largest amount is told in its own units */
    static void requireAmount(long amount, Asset asset, CardSettings settings) {
        if (amount <= 0) {
            throw ApiException.validation("amount", "ERR_INVALID", "amount must be a positive number of minor units");
        }
        if (amount > settings.maxAmount()) {
            throw ApiException.validation("amount", "ERR_TOO_LARGE",
                    "amount must be at most " + asset.format(settings.maxAmount()) + " " + asset.code());
        }
    }
}
