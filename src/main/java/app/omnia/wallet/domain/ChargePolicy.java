package app.omnia.wallet.domain;

/**
 * Who may act on a merchant charge: its payer confirms or declines it, its merchant refunds it, both see it.
 * Anyone else gets 404, as for a charge that does not exist.
 */
public final class ChargePolicy {

    private ChargePolicy() {
    }

    public static boolean canSee(long viewerId, long payerId, long merchantId) {
        return viewerId == payerId || viewerId == merchantId;
    }

    public static boolean canDecide(long viewerId, long payerId) {
        return viewerId == payerId;
    }

    public static boolean canRefund(long viewerId, long merchantId) {
        return viewerId == merchantId;
    }
}
