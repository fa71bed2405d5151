package app.omnia.wallet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.persistence.Confirmations.Confirmation;

/**
 * Large P2P sends: {@link TransferService} hands a send above the threshold here; it answers 202
 * {@code requires_confirmation} (stored for the Idempotency-Key like any first response), and the send is
 * posted when the payer confirms, the confirmation claimed in the posting's own step so it pays once.
 * Approving a large money request answers the same way ({@link #await(long, String, String, long, String,
 * String, String)}), its payment carried out by {@link MoneyRequestConfirmations}.
 */
@Component
class TransferConfirmations implements ConfirmationHandler {

    private final PaymentConfirmations confirmations;
    private final LedgerService ledger;
    private final WalletControls controls;
    private final IdempotencyKeys idempotencyKeys;
    private final TransactionTemplate transactions;
    private final Assets assets;
    private final Recipients recipients;

    TransferConfirmations(PaymentConfirmations confirmations, LedgerService ledger, WalletControls controls,
                          IdempotencyKeys idempotencyKeys, TransactionTemplate transactions, Assets assets,
                          Recipients recipients) {
        this.assets = assets;
        this.recipients = recipients;
        this.confirmations = confirmations;
        this.ledger = ledger;
        this.controls = controls;
        this.idempotencyKeys = idempotencyKeys;
        this.transactions = transactions;
    }

    WalletReply await(long me, long payee, long amount, String asset, String note, String key, String fingerprint) {
        return await(me, kind(), payee + "|" + note, amount, asset, key, fingerprint);
    }

    /**
     * Opens a confirmation of {@code kind} for a P2P payment and answers 202 {@code requires_confirmation}.
     * @param payload what that kind's handler needs to pay once confirmed
     */
    WalletReply await(long me, String kind, String payload, long amount, String asset, String key, String fingerprint) {
        controls.ensureNotFrozen(me);
        return transactions.execute(tx -> {
            boolean keyed = key != null && !key.isBlank();
            if (keyed && !idempotencyKeys.claim(me, key, fingerprint)) {
                throw ApiException.conflict("A request with this Idempotency-Key is still in progress; retry shortly");
            }
            long id = confirmations.open(me, kind, payload, amount, asset);
            String body = "{\"status\":\"requires_confirmation\",\"confirmation_id\":\"" + id + "\",\"amount\":\""
                    + assets.of(asset).format(amount) + "\",\"amount_minor\":" + amount + ",\"asset\":\"" + asset + "\"}";
            if (keyed) {
                idempotencyKeys.recordResponse(me, key, 202, body);
            }
            return new WalletReply(202, body, false);
        });
    }

    @Override
    public String kind() {
        return WalletControls.TRANSFER;
    }

    @Override
    public long complete(Confirmation c) {
        String[] parts = c.payload().split("\\|", 2);
        long payee = Long.parseLong(parts[0]);
        // The payee was checked when the send was asked for; a block (or a suspension) since must stop it too.
        recipients.requireStillPayable(c.accountId(), payee, "to");
        Posting posting = Posting.between("transfer", c.asset(), Party.user(c.accountId()), Party.user(payee),
                c.amount(), c.accountId(), parts.length > 1 ? parts[1] : "")
                .withGuard(entryId -> {
                    if (!confirmations.claim(c.id())) {
                        throw ApiException.unprocessable("This confirmation was already used");
                    }
                });
        return ledger.postOrThrow(controls.guarded(posting)).id();
    }

    @Override
    public void abandon(Confirmation confirmation) {
        // Nothing was posted: nothing to undo.
    }
}
