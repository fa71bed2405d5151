package app.omnia.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.SpendingCheck;
import app.omnia.wallet.domain.SpendingTier;
import app.omnia.wallet.persistence.OutgoingPayments;

/**
 * The spending controls of one ledger batch, in memory: each payer's freeze, tier (whose caps differ per asset,
 * {@link SpendingLimits}) and what they sent today and this month in each asset, read (their control rows
 * locked) once at the start of the batch by {@link WalletControls#open}.
 * The batch then asks {@link #check} and {@link #count} posting after posting, so a payment counts against the
 * next one of the same batch exactly as if each had been written on its own; {@link #payments} is what the
 * batch writes at the end.
 */
final class SpendingBook {

    /** What the book knows of one payer; its caps depend on the asset of each payment (its tier's, in that asset). */
    record Payer(boolean frozen, SpendingTier tier) {}

    private record Sent(long today, long month) {}

    private record Key(long accountId, String asset) {}

    private final Map<Long, Payer> payers;
    private final SpendingLimits limits;
    private final Map<Key, Sent> sent = new HashMap<>();
    private final List<OutgoingPayments.Payment> payments = new ArrayList<>();
    private final Instant now;

    /** @param sentSoFar per account, per asset, what was sent today and this month before the batch */
    SpendingBook(Map<Long, Payer> payers, SpendingLimits limits,
                 Map<Long, Map<String, OutgoingPayments.Sent>> sentSoFar, Instant now) {
        this.payers = Map.copyOf(payers);
        this.limits = limits;
        this.now = now;
        sentSoFar.forEach((account, byAsset) -> byAsset.forEach((asset, sums) ->
                sent.put(new Key(account, asset), new Sent(sums.today(), sums.month()))));
    }

    /**
     * Why this payment may not leave now (403 {@code wallet-frozen}, 422 {@code spending-limit} naming
     * {@code amount}, 404 for no such account), or empty. Changes nothing: {@link #count} does.
     */
    Optional<ApiException> check(long accountId, String asset, long amount) {
        Payer payer = payers.get(accountId);
        if (payer == null) {
            return Optional.of(ApiException.notFound());
        }
        if (payer.frozen()) {
            return Optional.of(WalletControls.frozen());
        }
        Sent so = sent.getOrDefault(new Key(accountId, asset), new Sent(0, 0));
        SpendingLimits.Caps caps = limits.caps(payer.tier(), asset);
        return switch (SpendingCheck.check(amount, so.today(), so.month(), caps.daily(), caps.monthly())) {
            case OVER_DAILY -> Optional.of(
                    WalletControls.overLimit("daily", caps.daily(), so.today(), limits.asset(asset)));
            case OVER_MONTHLY -> Optional.of(
                    WalletControls.overLimit("monthly", caps.monthly(), so.month(), limits.asset(asset)));
            case ALLOWED -> Optional.empty();
        };
    }

    /** Counts a payment that passed {@link #check} and is being written, with the payment row's own id. */
    void count(Posting.Spending spending, String asset, long amount, long entryId, long paymentId) {
        Key key = new Key(spending.accountId(), asset);
        Sent so = sent.getOrDefault(key, new Sent(0, 0));
        // Overflow cannot happen: check() let the amount through only under both caps.
        sent.put(key, new Sent(so.today() + amount, so.month() + amount));
        payments.add(new OutgoingPayments.Payment(paymentId, spending.accountId(), asset, amount, spending.kind(),
                spending.refId() == null ? entryId : spending.refId(), now));
    }

    /** The payments counted, to record with the batch. */
    List<OutgoingPayments.Payment> payments() {
        return List.copyOf(payments);
    }
}
