package app.omnia.wallet;

/**
 * A named system account, one per asset, on the other side of money entering or leaving user accounts.
 * System accounts may go negative: {@link #ISSUANCE} is minus the money an admin put in circulation.
 * Other modules may name their own (e.g. {@code merchant_clearing}): the account is created on first use.
 */
public record SystemAccount(String name) {

    /** Where admin adjustments (credits and corrections) come from and go back to. */
    public static final SystemAccount ISSUANCE = new SystemAccount("issuance");
    /** Money whose destination is not settled yet (a disputed or unmatched movement). */
    public static final SystemAccount SUSPENSE = new SystemAccount("suspense");
    /** The card network's side of top-ups and withdrawals. */
    public static final SystemAccount CARD_SETTLEMENT = new SystemAccount("card_settlement");
    /**
     * What reversed top-ups could not take back, the wallet having spent it: minus what their holders owe the
     * operator.
     */
    public static final SystemAccount CARD_RECOVERIES = new SystemAccount("card_recoveries");
    /** Fees the operator earns. */
    public static final SystemAccount FEES = new SystemAccount("fees");

    public SystemAccount {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("A system account name is 1-32 of a-z, 0-9, _: " + name);
        }
    }
}
