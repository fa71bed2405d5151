package app.omnia.wallet;

import java.util.Map;

import org.springframework.stereotype.Service;

import app.omnia.wallet.domain.Amounts;

/**
 * Person-to-person transfers: validate what the payer sent, then one posting through the ledger's batching
 * writer. With an Idempotency-Key the first response (a refusal by the ledger included) is stored with the
 * entry and replayed to retries; input errors (bad amount, unknown recipient...) are not stored, as Stripe
 * does not store validation errors.
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
        var replay = ledger.replay(me, key, input.fingerprint());
        if (replay.isPresent()) {
            return WalletReply.of(replay.get(), e -> json.entryText(me, e));
        }
        Asset asset = ledger.requireEnabled(input.asset() == null || input.asset().isBlank() ? settings.defaultAsset()
                : input.asset());
        long amount = Amounts.parse("amount", input.amount(), asset);
        String note = Amounts.note(input.note(), settings.maxNoteCharacters());
        long payee = recipients.require(me, input.to(), "to");
        if (controls.needsSecondConfirmation(amount)) {
            return confirmations.await(me, payee, amount, asset.code(), note, key, input.fingerprint());
        }
        Posting posting = Posting.between("transfer", asset.code(), Party.user(me), Party.user(payee), amount, me, note);
        return post(me, posting, key, input.fingerprint(), path);
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
