package app.omnia.wallet;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A request to the ledger: one journal entry to append. Build it with {@link #between} (two legs) or the
 * canonical constructor (any number of legs, e.g. a payment plus a fee), then add an idempotency key or a
 * guard with the {@code with...} methods.
 *
 * @param kind        what the entry is, stored and shown: {@code transfer}, {@code adjustment}; other modules
 *                    use their own ({@code top_up}, {@code withdrawal}, {@code payment}...)
 * @param asset       ISO 4217 code; must be enabled ({@code omnia.wallet.assets})
 * @param legs        at least two, none zero, summing to zero, each party at most once
 * @param payerId     the user whose money leaves (null when it comes from a system account)
 * @param payeeId     the user whose money arrives (null when it goes to a system account)
 * @param initiatorId who asked (the payer, or the admin of an adjustment); null for the system itself
 * @param note        free text shown on receipts (already length-checked by the caller)
 * @param guard       runs inside the writer's transaction once funds are known to suffice; may refuse
 * @param idempotency when set, the first response is stored with the entry and replayed afterwards
 * @param spending    when set, the money counts against that user's spending limits and cannot leave a frozen
 *                    wallet: the writer checks it with the rest of its batch, before {@code guard}
 */
public record Posting(String kind, String asset, List<Leg> legs, Long payerId, Long payeeId, Long initiatorId,
                      String note, PostingGuard guard, Idempotency idempotency, Spending spending) {

    /** A posting without spending controls. */
    public Posting(String kind, String asset, List<Leg> legs, Long payerId, Long payeeId, Long initiatorId,
                   String note, PostingGuard guard, Idempotency idempotency) {
        this(kind, asset, legs, payerId, payeeId, initiatorId, note, guard, idempotency, null);
    }

    public Posting {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asset, "asset");
        legs = List.copyOf(legs);
        note = note == null ? "" : note;
    }

    /** {@code amount} from one party to another (amount > 0). */
    public static Posting between(String kind, String asset, Party from, Party to, long amount, Long initiatorId,
                                  String note) {
        return new Posting(kind, asset, List.of(Leg.debit(from, amount), Leg.credit(to, amount)),
                from instanceof Party.User u ? u.accountId() : null, to instanceof Party.User u ? u.accountId() : null,
                initiatorId, note, null, null);
    }

    public Posting withGuard(PostingGuard guard) {
        return new Posting(kind, asset, legs, payerId, payeeId, initiatorId, note, guard, idempotency, spending);
    }

    public Posting withIdempotency(Idempotency idempotency) {
        return new Posting(kind, asset, legs, payerId, payeeId, initiatorId, note, guard, idempotency, spending);
    }

    public Posting withSpending(Spending spending) {
        return new Posting(kind, asset, legs, payerId, payeeId, initiatorId, note, guard, idempotency, spending);
    }

    /** The sum of the credit legs, which is also the sum of the debits when the posting balances. */
    public long amount() {
        return legs.stream().mapToLong(Leg::amount).filter(a -> a > 0).sum();
    }

    /**
     * Stripe's {@code Idempotency-Key}: the writer claims {@code key} for {@code ownerId} in the entry's own
     * transaction and stores the response with it ({@code successBody} renders a 200's body from the entry;
     * refusals are stored as their problem document), so money moves once per key even across server copies.
     *
     * @param fingerprint the request as the caller understood it: the same key with another one is a 422
     * @param path        the request path, the problem document's {@code instance}
     */
    public record Idempotency(long ownerId, String key, String fingerprint, String path,
                              Function<LedgerEntry, String> successBody) {}

    /**
     * Money leaving a user's wallet under {@link WalletControls}: refused when the wallet is frozen or the
     * amount passes the day's or month's cap, counted (as {@code kind}) when the entry is written.
     *
     * The posting must debit this user's wallet account: the writer's lock on it is what orders the payment with
     * the user's other payments and with a freeze.
     *
     * @param refId what the count refers to ({@code kind} and {@code refId} are unique); null for the entry's id
     */
    public record Spending(long accountId, String kind, Long refId) {}
}
