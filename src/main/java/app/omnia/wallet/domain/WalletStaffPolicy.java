package app.omnia.wallet.domain;

/** Staff acts on wallets, each audited. */
public final class WalletStaffPolicy {

    private WalletStaffPolicy() {
    }

    /** Freezing a wallet is a moderation act: moderators and admins. */
    public static boolean canFreeze(boolean staff) {
        return staff;
    }

    /** Making an account a merchant lets it ask anyone for money: admins only. */
    public static boolean canManageMerchants(boolean admin) {
        return admin;
    }
}
