package app.omnia.wallet;

import org.springframework.stereotype.Service;

import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.Amounts;

/**
 * Admin adjustments: the only way money enters the wallet without a card. An admin credits a user from the
 * {@code issuance} system account (or, with {@code direction=debit}, takes money back to it, never below
 * zero); the reason is required, and the audit entry is written in the ledger entry's own transaction (by the
 * posting's guard), so there is no adjustment without its audit line.
 */
@Service
public class AdjustmentService {

    private final LedgerService ledger;
    private final TransferService transfers;
    private final AuditLog audit;
    private final Recipients recipients;
    private final WalletSettings settings;

    AdjustmentService(LedgerService ledger, TransferService transfers, AuditLog audit, Recipients recipients,
                      WalletSettings settings) {
        this.ledger = ledger;
        this.recipients = recipients;
        this.transfers = transfers;
        this.audit = audit;
        this.settings = settings;
    }

    public WalletReply adjust(Viewer admin, long accountId, String direction, String amountText, String assetCode,
                              String reason, String key, String path) {
        if (!admin.isAdmin()) {
            throw ApiException.forbidden("Only admins may adjust balances");
        }
        long me = admin.accountId();
        String fingerprint = "adjust|" + accountId + "|" + direction + "|" + amountText + "|" + assetCode + "|" + reason;
        var replay = ledger.replay(me, key, fingerprint);
        if (replay.isPresent()) {
            return WalletReply.of(replay.get(), null);
        }
        boolean credit = switch (direction == null || direction.isBlank() ? "credit" : direction) {
            case "credit" -> true;
            case "debit" -> false;
            default -> throw ApiException.validation("direction", "ERR_INVALID", "direction must be credit or debit");
        };
        Asset asset = ledger.requireEnabled(assetCode == null || assetCode.isBlank() ? settings.defaultAsset() : assetCode);
        long amount = Amounts.parse("amount", amountText, asset);
        String note = Amounts.note(reason, settings.maxNoteCharacters());
        if (note.isEmpty()) {
            throw ApiException.validation("note", "ERR_BLANK", "An adjustment needs a reason (note)");
        }
        if (recipients.username(accountId) == null) {
            throw ApiException.validation("account_id", "ERR_INVALID", "account_id is not a known account");
        }
        Party user = Party.user(accountId);
        Party issuance = Party.system(SystemAccount.ISSUANCE);
        Posting posting = Posting.between("adjustment", asset.code(), credit ? issuance : user, credit ? user : issuance,
                amount, me, note).withGuard(entryId -> audit.record(me, "wallet.adjustment." + (credit ? "credit" : "debit"),
                        "account", accountId, asset.format(amount) + " " + asset.code() + " (entry " + entryId + "): " + note));
        return transfers.post(me, posting, key, fingerprint, path);
    }
}
