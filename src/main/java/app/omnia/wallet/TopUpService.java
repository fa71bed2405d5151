package app.omnia.wallet;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.CardPolicy;
import app.omnia.wallet.persistence.CardOperations;

/**
 * Top-ups: money pulled from the holder's card into their wallet. The operation is recorded first (with the
 * Idempotency-Key, so a retry finds it instead of pulling twice), then the network is asked; its answer
 * credits the wallet ({@link CardMoney}), fails the operation, or asks for a challenge. With no answer the
 * operation stays {@code pending} and {@link CardReconciliation} settles it later, exactly once.
 */
@Service
public class TopUpService {

    private final CardOperations operations;
    private final CardService cards;
    private final CardNetwork network;
    private final CardMoney money;
    private final LedgerService ledger;
    private final SpendingLimits limits;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;

    TopUpService(CardOperations operations, CardService cards, CardNetwork network, CardMoney money,
                 LedgerService ledger, SpendingLimits limits, IdempotencyKeys idempotencyKeys,
                 TransactionTemplate transactions, IdGenerator ids, Clock clock) {
        this.operations = operations;
        this.cards = cards;
        this.network = network;
        this.money = money;
        this.ledger = ledger;
        this.limits = limits;
        this.idempotencyKeys = idempotencyKeys;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Pulls {@code amount} from the viewer's card; the answer may be {@code requires_action} (a challenge). */
    public CardOperation start(long viewerId, long cardId, long amount, String asset, String idempotencyKey) {
        String token = cards.tokenOf(viewerId, cardId);
        Asset enabled = ledger.requireEnabled(asset);
        CardOperationRules.requireAmount(amount, enabled, limits);
        String code = enabled.code();
        AtomicBoolean created = new AtomicBoolean();
        long id = transactions.execute(tx -> idempotencyKeys.once(viewerId, idempotencyKey,
                "topup:" + cardId + ":" + amount + ":" + code, () -> {
                    CardOperation op = new CardOperation(ids.next(), viewerId, cardId, CardOperation.TOP_UP, amount,
                            code, CardOperation.PENDING, null, null, null, clock.instant(), clock.instant(), null);
                    operations.insert(op);
                    created.set(true);
                    return op.id();
                }));
        CardOperation op = operations.find(id).orElseThrow();
        if (created.get()) {
            apply(op, network.pull(String.valueOf(id), token, amount, code));
        }
        return operations.find(id).orElseThrow();
    }

    /** Answers the challenge of a top-up in {@code requires_action}; a wrong code is a 422 naming {@code code}. */
    public CardOperation confirm(long viewerId, long id, String code) {
        CardOperation op = get(viewerId, id);
        if (!CardOperation.REQUIRES_ACTION.equals(op.status())) {
            if (CardOperation.SUCCEEDED.equals(op.status())) {
                return op;
            }
            throw ApiException.unprocessable("This top-up is not waiting for a challenge (status " + op.status() + ")");
        }
        if (code == null || code.isBlank()) {
            throw ApiException.validation("code", "ERR_BLANK", "code can't be blank");
        }
        CardNetwork.Result result = network.completeChallenge(String.valueOf(id), code.trim());
        if (result.outcome() == CardNetwork.Outcome.WRONG_CODE) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "challenge-failed", "Challenge failed",
                    "The code is not the one the card's issuer sent", List.of(new ApiException.FieldError("code",
                    "ERR_INVALID", "The code is not the one the card's issuer sent")), java.util.Map.of());
        }
        apply(op, result);
        return operations.find(id).orElseThrow();
    }

    public CardOperation get(long viewerId, long id) {
        return operations.find(id)
                .filter(op -> CardOperation.TOP_UP.equals(op.kind()) && CardPolicy.canUse(viewerId, op.accountId()))
                .orElseThrow(ApiException::notFound);
    }

    public List<CardOperation> list(long viewerId, PageRequest page) {
        return operations.page(viewerId, CardOperation.TOP_UP, page);
    }

    /** What the network said, applied once whoever else is applying it too. */
    void apply(CardOperation op, CardNetwork.Result result) {
        switch (result.outcome()) {
            case APPROVED -> {
                if (!money.creditTopUp(op) && closed(op.id())) {
                    // Reconciliation failed it first (it gave up): the captured money goes back to the card.
                    network.cancel(String.valueOf(op.id()));
                }
            }
            case DECLINED -> operations.move(op.id(), List.of(CardOperation.PENDING, CardOperation.REQUIRES_ACTION),
                    CardOperation.FAILED, result.declineCode(), null, clock.instant());
            case CHALLENGE -> operations.challenge(op.id(), result.challengeId(), clock.instant());
            case TIMEOUT, WRONG_CODE -> { }
        }
    }

    private boolean closed(long id) {
        String status = operations.find(id).orElseThrow().status();
        return CardOperation.FAILED.equals(status) || CardOperation.CANCELLED.equals(status);
    }
}
