package app.omnia.wallet;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.CardPolicy;
import app.omnia.wallet.persistence.CardOperations;
import app.omnia.wallet.persistence.Confirmations.Confirmation;

/**
 * Withdrawals: money pushed from the wallet to the holder's card. The money leaves the wallet at once into
 * suspense (limits and freeze checked in that same step), then the push is sent; the network's answer, or
 * later its settlement ({@link CardReconciliation}), pays it out or brings it back. Above the
 * second-confirmation threshold nothing moves until the holder confirms ({@link PaymentConfirmations}).
 */
@Service
public class WithdrawalService implements ConfirmationHandler {

    private final CardOperations operations;
    private final CardService cards;
    private final CardNetwork network;
    private final CardMoney money;
    private final LedgerService ledger;
    private final WalletControls controls;
    private final PaymentConfirmations confirmations;
    private final SpendingLimits limits;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;

    WithdrawalService(CardOperations operations, CardService cards, CardNetwork network, CardMoney money,
                      LedgerService ledger, WalletControls controls, PaymentConfirmations confirmations,
                      SpendingLimits limits, IdempotencyKeys idempotencyKeys, TransactionTemplate transactions,
                      IdGenerator ids, Clock clock) {
        this.operations = operations;
        this.cards = cards;
        this.network = network;
        this.money = money;
        this.ledger = ledger;
        this.controls = controls;
        this.confirmations = confirmations;
        this.limits = limits;
        this.idempotencyKeys = idempotencyKeys;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Starts a withdrawal to the viewer's card. A refusal by the wallet (insufficient funds, a limit, a
     * frozen wallet) is thrown, and the operation is kept as {@code failed} with that code, so that a retry
     * with the same Idempotency-Key gets the same answer.
     */
    public CardOperation start(long viewerId, long cardId, long amount, String asset, String idempotencyKey) {
        cards.tokenOf(viewerId, cardId);
        Asset enabled = ledger.requireEnabled(asset);
        CardOperationRules.requireAmount(amount, enabled, limits);
        String code = enabled.code();
        AtomicBoolean created = new AtomicBoolean();
        long id = transactions.execute(tx -> idempotencyKeys.once(viewerId, idempotencyKey,
                "withdrawal:" + cardId + ":" + amount + ":" + code, () -> {
                    controls.ensureNotFrozen(viewerId);
                    boolean large = controls.needsSecondConfirmation(amount, code);
                    CardOperation op = new CardOperation(ids.next(), viewerId, cardId, CardOperation.WITHDRAWAL, amount,
                            code, large ? CardOperation.REQUIRES_CONFIRMATION : CardOperation.CREATED, null, null, null,
                            clock.instant(), clock.instant(), null);
                    operations.insert(op);
                    if (large) {
                        confirmations.open(viewerId, kind(), op.id(), amount, code);
                    }
                    created.set(true);
                    return op.id();
                }));
        CardOperation op = operations.find(id).orElseThrow();
        if (created.get() && CardOperation.CREATED.equals(op.status())) {
            proceed(op);
        } else if (CardOperation.FAILED.equals(op.status()) && WalletRefusals.isRefusal(op.failureCode())) {
            throw WalletRefusals.of(op.failureCode());
        }
        return operations.find(id).orElseThrow();
    }

    public CardOperation get(long viewerId, long id) {
        return operations.find(id)
                .filter(op -> CardOperation.WITHDRAWAL.equals(op.kind()) && CardPolicy.canUse(viewerId, op.accountId()))
                .orElseThrow(ApiException::notFound);
    }

    public List<CardOperation> list(long viewerId, PageRequest page) {
        return operations.page(viewerId, CardOperation.WITHDRAWAL, page);
    }

    @Override
    public String kind() {
        return WalletControls.WITHDRAWAL;
    }

    @Override
    public long complete(Confirmation confirmation) {
        CardOperation op = get(confirmation.accountId(), Long.parseLong(confirmation.payload()));
        // Refused before anything moves; the confirmation stays pending, for the payer to cancel.
        cards.requireUnexpired(op.cardId());
        if (operations.move(op.id(), List.of(CardOperation.REQUIRES_CONFIRMATION), CardOperation.CREATED, null, null,
                clock.instant())) {
            proceed(operations.find(op.id()).orElseThrow());
        }
        return op.id();
    }

    @Override
    public void abandon(Confirmation confirmation) {
        operations.move(Long.parseLong(confirmation.payload()), List.of(CardOperation.REQUIRES_CONFIRMATION),
                CardOperation.CANCELLED, null, null, clock.instant());
    }

    /** Debit into suspense, then push; the push's answer pays out later, or returns the money now. */
    private void proceed(CardOperation op) {
        try {
            money.holdWithdrawal(op);
        } catch (ApiException refused) {
            operations.move(op.id(), List.of(CardOperation.CREATED), CardOperation.FAILED, WalletRefusals.code(refused),
                    null, clock.instant());
            throw refused;
        }
        String token = cards.tokenOfAnyOwner(op.cardId());
        CardNetwork.Result result = token == null ? new CardNetwork.Result(CardNetwork.Outcome.DECLINED, "card_removed", null)
                : network.push(String.valueOf(op.id()), token, op.amount(), op.asset());
        switch (result.outcome()) {
            case APPROVED -> operations.move(op.id(), List.of(CardOperation.PENDING), CardOperation.PROCESSING, null,
                    null, clock.instant());
            case DECLINED -> money.returnWithdrawal(op, CardOperation.FAILED, result.declineCode());
            default -> { }
        }
    }
}
