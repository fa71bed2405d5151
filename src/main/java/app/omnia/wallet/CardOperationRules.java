package app.omnia.wallet;

import app.omnia.platform.web.ApiException;

/** Checks shared by top-ups and withdrawals. */
final class CardOperationRules {

    private CardOperationRules() {
    }

    /** @param asset the enabled asset of the operation, whose own largest amount applies, told in its units */
    static void requireAmount(long amount, Asset asset, SpendingLimits limits) {
        if (amount <= 0) {
            throw ApiException.validation("amount", "ERR_INVALID", "amount must be a positive number of minor units");
        }
        long max = limits.cardMaxAmount(asset.code());
        if (amount > max) {
            throw ApiException.validation("amount", "ERR_TOO_LARGE",
                    "amount must be at most " + asset.format(max) + " " + asset.code());
        }
    }
}
