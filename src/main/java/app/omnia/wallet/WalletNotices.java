package app.omnia.wallet;

import org.springframework.stereotype.Service;

import app.omnia.wallet.persistence.Notices;

/**
 * How a person hears of money while they were away: the live {@code wallet} stream reaches only open sockets,
 * so the app also asks, when it opens, what came meanwhile (and shows it on the wallet's entry).
 */
@Service
public class WalletNotices {

    /** Payments received since the wallet was last opened; requests and charges waiting for an answer. */
    public record Counts(int received, int moneyRequests, int charges) {}

    private final Notices notices;

    WalletNotices(Notices notices) {
        this.notices = notices;
    }

    public Counts of(long accountId) {
        return new Counts(notices.receivedUnseen(accountId), notices.pendingRequests(accountId),
                notices.pendingCharges(accountId));
    }

    /** The person looked at their wallet: the payments received so far are no longer new. */
    public Counts seen(long accountId) {
        notices.seeAll(accountId);
        return of(accountId);
    }
}
