package app.omnia.wallet.domain;

/**
 * Who may use a card and see its top-ups and withdrawals: its owner alone (staff included: they freeze,
 * they don't spend). Anything else is answered as missing (404), so ids of other people's cards reveal nothing.
 */
public final class CardPolicy {

    private CardPolicy() {
    }

    public static boolean canUse(long viewerId, long ownerId) {
        return viewerId == ownerId;
    }
}
