package app.omnia.wallet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.omnia.wallet.persistence.CardOperations;

/**
 * Settlement and reconciliation of card operations, run by a job every {@code omnia.wallet.cards.job-interval}
 * (and callable directly, e.g. by tests). It asks the network about every operation left open — a top-up
 * with no answer, a withdrawal not yet paid out — and applies the answer through the same claims as the
 * requests do, so running it twice, or on two server copies at once, moves money once.
 */
@Service
public class CardReconciliation {

    private static final Logger log = LoggerFactory.getLogger(CardReconciliation.class);
    private static final int BATCH = 200;

    /** What one run did. */
    public record Report(int credited, int failed, int paidOut, int returned, int settled, int reversed) {}

    private final CardOperations operations;
    private final CardNetwork network;
    private final CardMoney money;
    private final CardSettings settings;
    private final Clock clock;

    CardReconciliation(CardOperations operations, CardNetwork network, CardMoney money, CardSettings settings,
                       Clock clock) {
        this.operations = operations;
        this.network = network;
        this.money = money;
        this.settings = settings;
        this.clock = clock;
    }

    public Report run() {
        return run(clock.instant());
    }

    /**
     * One pass as if it were {@code now}: operations untouched for {@code reconcile-after} are asked about;
     * those the network still calls pending after {@code give-up-after} are cancelled and failed.
     */
    public Report run(Instant now) {
        int credited = 0;
        int failed = 0;
        int paidOut = 0;
        int returned = 0;
        Instant askBefore = now.minus(settings.reconcileAfter());
        Instant giveUpBefore = now.minus(settings.giveUpAfter());
        for (CardOperation op : operations.due(CardOperation.TOP_UP,
                List.of(CardOperation.PENDING, CardOperation.REQUIRES_ACTION), askBefore, BATCH)) {
            String reference = String.valueOf(op.id());
            switch (network.inquire(reference)) {
                case CAPTURED -> credited += money.creditTopUp(op) ? 1 : 0;
                case DECLINED, CANCELLED, UNKNOWN -> failed += fail(op, "not_completed", now) ? 1 : 0;
                default -> {
                    // Failed first, cancelled only if this run failed it: an approval or a challenge's code
                    // may land after the inquiry, and a top-up it credited meanwhile must keep its money at
                    // the network. One that lands after the failure is cancelled by the request (TopUpService).
                    if (op.updatedAt().isBefore(giveUpBefore) && fail(op, CardOperation.REQUIRES_ACTION.equals(
                            op.status()) ? "challenge_abandoned" : "network_timeout", now)) {
                        network.cancel(reference);
                        failed++;
                    }
                }
            }
        }
        for (CardOperation op : operations.due(CardOperation.WITHDRAWAL,
                List.of(CardOperation.PENDING, CardOperation.PROCESSING), askBefore, BATCH)) {
            String reference = String.valueOf(op.id());
            switch (network.inquire(reference)) {
                case PAID -> paidOut += money.payOut(op) ? 1 : 0;
                case RETURNED -> returned += money.returnWithdrawal(op, CardOperation.REVERSED, "returned_by_bank") ? 1 : 0;
                case DECLINED, CANCELLED, UNKNOWN ->
                        returned += money.returnWithdrawal(op, CardOperation.FAILED, "not_completed") ? 1 : 0;
                default -> {
                    if (op.updatedAt().isBefore(giveUpBefore)) {
                        network.cancel(reference);
                        // After the cancel the network's word decides: a push paid out between the inquiry and
                        // the cancel cannot be recalled, and returning its money as well would pay it twice.
                        switch (network.inquire(reference)) {
                            case PAID -> paidOut += money.payOut(op) ? 1 : 0;
                            case RETURNED -> returned += money.returnWithdrawal(op, CardOperation.REVERSED,
                                    "returned_by_bank") ? 1 : 0;
                            default -> returned += money.returnWithdrawal(op, CardOperation.FAILED,
                                    "network_timeout") ? 1 : 0;
                        }
                    }
                }
            }
        }
        // A withdrawal created but never debited (its server stopped in between) moved no money: close it.
        for (CardOperation op : operations.due(CardOperation.WITHDRAWAL, List.of(CardOperation.CREATED), askBefore,
                BATCH)) {
            failed += operations.move(op.id(), List.of(CardOperation.CREATED), CardOperation.FAILED, "interrupted",
                    null, now) ? 1 : 0;
        }
        int settled = 0;
        int reversed = 0;
        for (CardOperation op : operations.unsettled(askBefore, BATCH)) {
            switch (network.inquire(String.valueOf(op.id()))) {
                case CAPTURED -> {
                    operations.settled(op.id(), now);
                    settled++;
                }
                case REVERSED -> reversed += money.reverseTopUp(op) ? 1 : 0;
                default -> {
                    // Not settled yet: asked again on the next run.
                }
            }
        }
        Report report = new Report(credited, failed, paidOut, returned, settled, reversed);
        if (credited + failed + paidOut + returned + reversed > 0) {
            log.info("Card reconciliation: {}", report);
        }
        return report;
    }

    private boolean fail(CardOperation op, String code, Instant now) {
        return operations.move(op.id(), List.of(CardOperation.PENDING, CardOperation.REQUIRES_ACTION),
                CardOperation.FAILED, code, null, now);
    }
}
