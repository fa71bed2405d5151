package app.omnia.wallet;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.Amounts;

/**
 * Person-to-person transfers: validate what the payer sent, then one posting through the ledger's batching
 * writer. With an Idempotency-Key the first response (a refusal by the ledger included) is stored with the
 * entry and replayed to retries; input errors (bad amount, unknown recipient...) are not stored, as Stripe
 * does not store validation errors.
 *
 * <p>A retry gets the stored response whatever would be decided now (the payee blocked the payer since...),
 * without looking the key up before validating: a retry that passes validation is replayed by the writer,
 * which claims every key with its posting and answers a key already used from what it stored; only a
 * request that fails validation looks its key up, to replay the stored response instead of the error. So a
 * first request, the common case, runs no statement of its own for its key.
 */
@Service
public class TransferService {

    /** What the payer sent, as text: {@code to} is {@code @username} or an account id; {@code amount} a decimal. */
    public record TransferInput(String to, String amount, String asset, String note) {

        String fingerprint() {
            return "transfer|" + to + "|" + amount + "|" + asset + "|" + note;
        }
    }

    private final LedgerService ledger;
    private final Recipients recipients;
    private final WalletJson json;
    private final WalletSettings settings;
    private final WalletControls controls;
    private final TransferConfirmations confirmations;

    TransferService(LedgerService ledger, Recipients recipients, WalletJson json, WalletSettings settings,
                    WalletControls controls, TransferConfirmations confirmations) {
        this.controls = controls;
        this.confirmations = confirmations;
        this.ledger = ledger;
        this.recipients = recipients;
        this.json = json;
        this.settings = settings;
    }

    /**
     * @param key  the Idempotency-Key header, or null
     * @param path the request path (the problem document's {@code instance})
     */
    public WalletReply transfer(long me, TransferInput input, String key, String path) {
        if (key != null) {
            IdempotencyKeys.checkLength(key); // first, as when every key was looked up before validating
        }
        Asset asset;
        long amount;
        String note;
        long payee;
        try {
            asset = ledger.requireEnabled(input.asset() == null || input.asset().isBlank() ? settings.defaultAsset()
                    : input.asset());
            amount = Amounts.parse("amount", input.amount(), asset);
            note = Amounts.note(input.note(), settings.maxNoteCharacters());
            payee = recipients.require(me, input.to(), "to");
        } catch (ApiException refused) {
            return replay(me, input, key).orElseThrow(() -> refused);
        }
        if (controls.needsSecondConfirmation(amount, asset.code())) {
            // Confirmations store their own first responses: a retry is answered before another confirmation.
            return replay(me, input, key).orElseGet(() ->
                    confirmations.await(me, payee, amount, asset.code(), note, key, input.fingerprint()));
        }
        Posting posting = Posting.between("transfer", asset.code(), Party.user(me), Party.user(payee), amount, me, note);
        return post(me, posting, key, input.fingerprint(), path);
    }

    /** The stored first response for this key and request, if any (the key with another request is a 422). */
    private Optional<WalletReply> replay(long me, TransferInput input, String key) {
        return ledger.replay(me, key, input.fingerprint()).map(r -> WalletReply.of(r, e -> json.entryText(me, e)));
    }

    /** Posts with the key (when given) and turns the outcome into the reply; shared with money requests. */
    WalletReply post(long me, Posting posting, String key, String fingerprint, String path) {
        posting = controls.guarded(posting);
        if (key != null && !key.isBlank()) {
            // The writer renders the body to store; the names it shows are read here, off the writer's thread.
            Map<Long, String> names = json.usernames(posting.payerId(), posting.payeeId());
            posting = posting.withIdempotency(new Posting.Idempotency(me, key, fingerprint, path,
                    e -> json.entryText(me, e, names)));
        }
        return WalletReply.of(ledger.post(posting), e -> json.entryText(me, e));
    }
}
