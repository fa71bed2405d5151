package app.omnia.wallet.domain;

import app.omnia.wallet.LedgerEntry;

/**
 * Who may see and act on what in the wallet. Everything private: an entry is seen by the users on its lines,
 * a request by its two parties, balances by their owner. What a viewer may not see is answered 404, like
 * what does not exist, so ids cannot be probed.
 */
public final class WalletPolicy {

    private WalletPolicy() {
    }

    public static boolean canSee(long viewerId, LedgerEntry entry) {
        return entry.involves(viewerId);
    }

    public static boolean canSee(long viewerId, MoneyRequest request) {
        return request.requesterId() == viewerId || request.payerId() == viewerId;
    }

    /** Approve (pay) or decline: the payer, while the request is pending. */
    public static boolean canAnswer(long viewerId, MoneyRequest request) {
        return request.payerId() == viewerId && request.pending();
    }

    public static boolean canCancel(long viewerId, MoneyRequest request) {
        return request.requesterId() == viewerId && request.pending();
    }

    /** A user's balances and statements are their own. */
    public static boolean canSeeAccountOf(long viewerId, long ownerId) {
        return viewerId == ownerId;
    }
}
