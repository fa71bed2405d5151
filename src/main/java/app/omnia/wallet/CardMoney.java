package app.omnia.wallet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.omnia.platform.web.ApiException;
import app.omnia.wallet.persistence.CardOperations;

/**
 * Where card operations move money in the ledger, each movement tied to one status change of its operation
 * by a {@link PostingGuard}: the entry is written only if the status change happens in the same transaction,
 * so however many requests, jobs and server copies try, each movement happens once.
 *
 * <ul>
 *   <li>Top-up: {@code card_settlement → user} when the network captures the money (at once, after the
 *       challenge, or when reconciliation finds it captured after a timeout).</li>
 *   <li>Top-up reversed by the card's issuer after it was credited: {@code user → card_settlement}, as much as
 *       the wallet still holds; the rest from {@code card_recoveries} (owed by the holder, whose wallet is
 *       frozen in the same transaction for the staff to settle).</li>
 *   <li>Withdrawal: {@code user → suspense} when requested (limits and freeze checked in the same step);
 *       then {@code suspense → card_settlement} when the network pays it out, or {@code suspense → user}
 *       when it is declined, returned, or never settles.</li>
 * </ul>
 */
@Component
class CardMoney {

    private static final String TOP_UP = "top_up";
    private static final String WITHDRAWAL = "withdrawal";

    private final LedgerService ledger;
    private final CardOperations operations;
    private final WalletControls controls;
    private final Assets assets;
    private final Clock clock;

    CardMoney(LedgerService ledger, CardOperations operations, WalletControls controls, Assets assets, Clock clock) {
        this.ledger = ledger;
        this.operations = operations;
        this.controls = controls;
        this.assets = assets;
        this.clock = clock;
    }

    /** Credits a captured top-up; false when it was already credited or closed (nothing moved by this call). */
    boolean creditTopUp(CardOperation op) {
        Posting posting = Posting.between(TOP_UP, op.asset(), Party.system(SystemAccount.CARD_SETTLEMENT),
                Party.user(op.accountId()), op.amount(), op.accountId(), "Top-up from card")
                .withGuard(entryId -> claim(op, List.of(CardOperation.PENDING, CardOperation.REQUIRES_ACTION),
                        CardOperation.SUCCEEDED, null, entryId));
        return ledger.post(posting) instanceof PostingOutcome.Posted;
    }

    /**
     * Takes a reversed top-up's money back; false when it was already reversed, or when the wallet's balance
     * changed since it was read (the next run tries again). Money taken back ignores a freeze and the limits:
     * it is not the holder spending.
     */
    boolean reverseTopUp(CardOperation op) {
        long taken = Math.min(op.amount(), ledger.balance(op.accountId(), op.asset()));
        long owed = op.amount() - taken;
        List<Leg> legs = new ArrayList<>();
        if (taken > 0) {
            legs.add(Leg.debit(Party.user(op.accountId()), taken));
        }
        if (owed > 0) {
            legs.add(Leg.debit(Party.system(SystemAccount.CARD_RECOVERIES), owed));
        }
        legs.add(Leg.credit(Party.system(SystemAccount.CARD_SETTLEMENT), op.amount()));
        Posting posting = new Posting(TOP_UP + "_reversal", op.asset(), legs, op.accountId(), null, null,
                "Top-up reversed by the card's issuer", entryId -> {
                    claim(op, List.of(CardOperation.SUCCEEDED), CardOperation.REVERSED, "reversed_by_issuer", entryId);
                    if (owed > 0) {
                        controls.freezeOwing(op.accountId(), "Card top-up " + op.id() + " reversed by the card's issuer: "
                                + assets.of(op.asset()).format(owed) + " " + op.asset() + " could not be taken back");
                    }
                }, null);
        return ledger.post(posting) instanceof PostingOutcome.Posted;
    }

    /** Debits the withdrawal into suspense; throws the refusal (insufficient funds, limit, frozen). */
    void holdWithdrawal(CardOperation op) {
        Posting posting = Posting.between(WITHDRAWAL, op.asset(), Party.user(op.accountId()),
                Party.system(SystemAccount.SUSPENSE), op.amount(), op.accountId(), "Withdrawal to card")
                .withSpending(new Posting.Spending(op.accountId(), WalletControls.WITHDRAWAL, op.id()))
                .withGuard(entryId -> claim(op, List.of(CardOperation.CREATED), CardOperation.PENDING, null, entryId));
        if (ledger.post(posting) instanceof PostingOutcome.Refused refused) {
            throw refused.reason();
        }
    }

    /** The network paid the withdrawal out: suspense to the card network's account. */
    boolean payOut(CardOperation op) {
        Posting posting = Posting.between(WITHDRAWAL, op.asset(), Party.system(SystemAccount.SUSPENSE),
                Party.system(SystemAccount.CARD_SETTLEMENT), op.amount(), null, "Withdrawal paid out")
                .withGuard(entryId -> claim(op, List.of(CardOperation.PENDING, CardOperation.PROCESSING),
                        CardOperation.SUCCEEDED, null, entryId));
        return ledger.post(posting) instanceof PostingOutcome.Posted;
    }

    /** The withdrawal will not be paid: its money goes back from suspense, and it stops counting against limits. */
    boolean returnWithdrawal(CardOperation op, String status, String failureCode) {
        Posting posting = Posting.between("withdrawal_return", op.asset(), Party.system(SystemAccount.SUSPENSE),
                Party.user(op.accountId()), op.amount(), null, "Withdrawal returned")
                .withGuard(entryId -> {
                    claim(op, List.of(CardOperation.PENDING, CardOperation.PROCESSING), status, failureCode, entryId);
                    controls.release(WalletControls.WITHDRAWAL, op.id());
                });
        return ledger.post(posting) instanceof PostingOutcome.Posted;
    }

    private void claim(CardOperation op, List<String> from, String to, String failureCode, long entryId) {
        if (!operations.move(op.id(), from, to, failureCode, entryId, clock.instant())) {
            // Someone else (the request, the job, another copy) moved it first: this posting must not happen.
            throw ApiException.conflict("The operation was settled meanwhile");
        }
    }
}
