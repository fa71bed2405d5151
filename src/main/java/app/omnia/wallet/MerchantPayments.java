package app.omnia.wallet;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.identity.AccountService;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.ChargePolicy;
import app.omnia.wallet.persistence.Charges;
import app.omnia.wallet.persistence.Confirmations.Confirmation;
import app.omnia.wallet.persistence.Merchants;

/**
 * Merchant payments, the wallet's API for the modules that sell (shop, tickets, ads) and for merchant
 * accounts over HTTP: a merchant {@link #createCharge creates a charge} for a payer, the payer
 * {@link #confirm confirms} it (the money moves, limits and freezes apply, large amounts need a second
 * confirmation) or {@link #decline declines} it, and the merchant may {@link #refund refund} it, in part or
 * in full, never more than was paid. {@link ChargeSucceeded}, {@link ChargeDeclined} and
 * {@link ChargeRefunded} tell the selling module what happened.
 */
@Service
public class MerchantPayments implements ConfirmationHandler {

    public static final int MAX_DESCRIPTION = 200;

    private final Charges charges;
    private final Merchants merchants;
    private final AccountService accounts;
    private final LedgerService ledger;
    private final WalletControls controls;
    private final PaymentConfirmations confirmations;
    private final ChargeRefunds refunds;
    private final IdempotencyKeys idempotencyKeys;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;

    MerchantPayments(Charges charges, Merchants merchants, AccountService accounts, LedgerService ledger,
                     WalletControls controls, PaymentConfirmations confirmations, ChargeRefunds refunds,
                     IdempotencyKeys idempotencyKeys, AuditLog audit, ApplicationEventPublisher events,
                     TransactionTemplate transactions, IdGenerator ids, Clock clock) {
        this.refunds = refunds;
        this.transactions = transactions;
        this.charges = charges;
        this.merchants = merchants;
        this.accounts = accounts;
        this.ledger = ledger;
        this.controls = controls;
        this.confirmations = confirmations;
        this.idempotencyKeys = idempotencyKeys;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** Lets an account charge others (an admin act, audited); idempotent; 404 for no such account. */
    @Transactional
    public void enableMerchant(long actorId, long accountId) {
        accounts.find(accountId).orElseThrow(ApiException::notFound);
        if (merchants.add(accountId, actorId, clock.instant())) {
            audit.record(actorId, "wallet.merchant.enable", "account", accountId, "");
        }
    }

    @Transactional
    public void disableMerchant(long actorId, long accountId) {
        if (merchants.remove(accountId)) {
            audit.record(actorId, "wallet.merchant.disable", "account", accountId, "");
        }
    }

    public boolean isMerchant(long accountId) {
        return merchants.contains(accountId);
    }

    /**
     * A charge of {@code amount} minor units of {@code asset} for {@code payerId} to confirm. With an
     * {@code idempotencyKey}, a repeat returns the first charge.
     *
     * @throws ApiException 403 when {@code merchantId} is not a merchant; 422 naming the field at fault
     */
    @Transactional
    public Charge createCharge(long merchantId, long payerId, long amount, String asset, String description,
                               String idempotencyKey) {
        if (!merchants.contains(merchantId)) {
            throw ApiException.forbidden("This account is not a merchant");
        }
        if (payerId == merchantId) {
            throw ApiException.validation("account", "ERR_INVALID", "A merchant cannot charge itself");
        }
        if (amount <= 0) {
            throw ApiException.validation("amount", "ERR_INVALID", "amount must be a positive number of minor units");
        }
        String code = ledger.requireEnabled(asset).code();
        String text = description == null ? "" : description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw ApiException.validation("description", "ERR_TOO_LONG",
                    "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        String fingerprint = "charge:" + payerId + ":" + amount + ":" + code + ":" + text;
        long id = idempotencyKeys.once(merchantId, idempotencyKey, fingerprint, () -> {
            Charge charge = new Charge(ids.next(), payerId, merchantId, amount, 0, code, text, Charge.PENDING, null,
                    clock.instant(), null);
            charges.insert(charge);
            return charge.id();
        });
        return charges.find(id).orElseThrow();
    }

    /** A charge its payer or merchant may see; 404 for anyone else. */
    public Charge get(long viewerId, long chargeId) {
        return charges.find(chargeId).filter(c -> ChargePolicy.canSee(viewerId, c.payerId(), c.merchantId()))
                .orElseThrow(ApiException::notFound);
    }

    /** @param side {@code payer} (charges asked of the account) or {@code merchant} (charges it made) */
    public List<Charge> list(long accountId, String side, String status, PageRequest page) {
        return charges.page(side, accountId, status, page);
    }

    public List<Refund> refunds(long viewerId, long chargeId) {
        get(viewerId, chargeId);
        return charges.refunds(chargeId);
    }

    /**
     * The payer confirms: the money moves at once, or, above the second-confirmation threshold, the charge
     * waits in {@code requires_confirmation} with a confirmation id. Confirming a paid charge again is a no-op.
     */
    public Charge confirm(long payerId, long chargeId) {
        Charge charge = decidable(payerId, chargeId);
        switch (charge.status()) {
            case Charge.SUCCEEDED -> {
                return charge;
            }
            case Charge.DECLINED -> throw ApiException.unprocessable("This charge was declined");
            case Charge.REQUIRES_CONFIRMATION -> throw ApiException.unprocessable(
                    "This charge waits for its second confirmation (confirmation_id)");
            default -> { }
        }
        controls.ensureNotFrozen(payerId);
        if (controls.needsSecondConfirmation(charge.amount(), charge.asset())) {
            awaitConfirmation(charge);
        } else {
            pay(charge, List.of(Charge.PENDING));
        }
        return charges.find(chargeId).orElseThrow();
    }

    private void awaitConfirmation(Charge charge) {
        transactions.executeWithoutResult(tx -> {
            if (charges.move(charge.id(), List.of(Charge.PENDING), Charge.REQUIRES_CONFIRMATION, null,
                    clock.instant())) {
                confirmations.open(charge.payerId(), kind(), charge.id(), charge.amount(), charge.asset());
            }
        });
    }

    @Override
    public String kind() {
        return WalletControls.CHARGE;
    }

    @Override
    public long complete(Confirmation confirmation) {
        Charge charge = decidable(confirmation.accountId(), Long.parseLong(confirmation.payload()));
        if (!Charge.SUCCEEDED.equals(charge.status())) {
            pay(charge, List.of(Charge.REQUIRES_CONFIRMATION));
        }
        return charge.id();
    }

    @Override
    public void abandon(Confirmation confirmation) {
        charges.move(Long.parseLong(confirmation.payload()), List.of(Charge.REQUIRES_CONFIRMATION), Charge.PENDING,
                null, clock.instant());
    }

    /** The payer declines; declining twice is a no-op, declining a paid charge a 422. */
    @Transactional
    public Charge decline(long payerId, long chargeId) {
        Charge charge = decidable(payerId, chargeId);
        if (charges.move(chargeId, List.of(Charge.PENDING, Charge.REQUIRES_CONFIRMATION), Charge.DECLINED, null,
                clock.instant())) {
            events.publishEvent(new ChargeDeclined(chargeId, charge.merchantId(), payerId));
        } else if (!Charge.DECLINED.equals(charges.find(chargeId).orElseThrow().status())) {
            throw ApiException.unprocessable("This charge was already paid; ask the merchant for a refund");
        }
        return charges.find(chargeId).orElseThrow();
    }

    /**
     * Gives back {@code amount} (at most what remains unrefunded) to the payer, from the merchant's balance.
     * With an {@code idempotencyKey}, a repeat returns the first refund.
     */
    public Refund refund(long merchantId, long chargeId, long amount, String idempotencyKey) {
        return refunds.refund(merchantId, chargeId, amount, idempotencyKey);
    }

    /** The payment itself: payer to merchant, with the payer's limits and freeze checked in the same step. */
    private void pay(Charge charge, List<String> from) {
        Posting posting = Posting.between("payment", charge.asset(), Party.user(charge.payerId()),
                Party.user(charge.merchantId()), charge.amount(), charge.payerId(), charge.description())
                .withSpending(new Posting.Spending(charge.payerId(), WalletControls.CHARGE, charge.id()))
                .withGuard(entryId -> {
                    if (!charges.move(charge.id(), from, Charge.SUCCEEDED, entryId, clock.instant())) {
                        throw ApiException.conflict("This charge was decided meanwhile");
                    }
                    events.publishEvent(new ChargeSucceeded(charge.id(), charge.merchantId(), charge.payerId(),
                            charge.amount(), charge.asset(), entryId));
                });
        if (ledger.post(posting) instanceof PostingOutcome.Refused refused) {
            if (Charge.SUCCEEDED.equals(charges.find(charge.id()).orElseThrow().status())) {
                return;
            }
            throw refused.reason();
        }
    }

    private Charge decidable(long payerId, long chargeId) {
        return charges.find(chargeId).filter(c -> ChargePolicy.canDecide(payerId, c.payerId()))
                .orElseThrow(ApiException::notFound);
    }
}
