package app.omnia.wallet;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.ChargePolicy;
import app.omnia.wallet.persistence.Charges;

/**
 * Refunds of paid charges, for {@link MerchantPayments}. The bound (never more than was paid) and the
 * Idempotency-Key are decided in the refund's own ledger step, under a lock on the charge, so concurrent
 * refunds of one charge, or retries on two server copies, cannot together exceed it or repeat it.
 */
@Component
class ChargeRefunds {

    private final Charges charges;
    private final LedgerService ledger;
    private final WalletControls controls;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    ChargeRefunds(Charges charges, LedgerService ledger, WalletControls controls, ApplicationEventPublisher events,
                  IdGenerator ids, Clock clock) {
        this.charges = charges;
        this.ledger = ledger;
        this.controls = controls;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Gives back {@code amount} (at most what remains unrefunded) to the payer, from the merchant's balance.
     * With an {@code idempotencyKey}, a repeat returns the first refund; the key is written with the entry.
     */
    Refund refund(long merchantId, long chargeId, long amount, String idempotencyKey) {
        Charge charge = charges.find(chargeId).filter(c -> ChargePolicy.canRefund(merchantId, c.merchantId()))
                .orElseThrow(ApiException::notFound);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null && key.length() > 255) {
            throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key is longer than 255 characters");
        }
        if (key != null) {
            var first = charges.refundByKey(chargeId, key);
            if (first.isPresent()) {
                return sameRefund(first.get(), amount);
            }
        }
        if (amount <= 0) {
            throw ApiException.validation("amount", "ERR_INVALID", "amount must be a positive number of minor units");
        }
        if (!Charge.SUCCEEDED.equals(charge.status())) {
            throw ApiException.unprocessable("Only a paid charge can be refunded");
        }
        controls.ensureNotFrozen(merchantId);
        long refundId = ids.next();
        Posting posting = Posting.between("refund", charge.asset(), Party.user(merchantId),
                Party.user(charge.payerId()), amount, merchantId, "Refund: " + charge.description())
                .withGuard(entryId -> {
                    if (controls.isFrozen(merchantId)) {
                        throw WalletControls.frozen();
                    }
                    charges.lock(chargeId);
                    if (key != null && charges.refundByKey(chargeId, key).isPresent()) {
                        throw ApiException.conflict("duplicate refund");
                    }
                    if (!charges.addRefunded(chargeId, amount)) {
                        throw overRefund(charge);
                    }
                    charges.insertRefund(new Refund(refundId, chargeId, merchantId, amount, charge.asset(), entryId,
                            clock.instant()), key);
                    events.publishEvent(new ChargeRefunded(chargeId, refundId, merchantId, charge.payerId(), amount,
                            charge.asset()));
                });
        switch (ledger.post(posting)) {
            case PostingOutcome.Refused refused -> {
                if (key != null) {
                    var first = charges.refundByKey(chargeId, key);
                    if (first.isPresent()) {
                        return sameRefund(first.get(), amount);
                    }
                }
                throw refused.reason();
            }
            default -> { }
        }
        return charges.refunds(chargeId).stream().filter(r -> r.id() == refundId).findFirst().orElseThrow();
    }

    private static Refund sameRefund(Refund first, long amount) {
        if (first.amount() != amount) {
            throw IdempotencyKeys.otherRequest();
        }
        return first;
    }

    private static ApiException overRefund(Charge charge) {
        return ApiException.validation("amount", "ERR_TOO_LARGE",
                "A refund cannot exceed what remains of the charge (" + charge.amount() + " " + charge.asset()
                        + " charged)");
    }
}
