package app.omnia.wallet;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.WalletPolicy;
import app.omnia.wallet.persistence.Journal;
import app.omnia.wallet.persistence.WalletAccounts;

/** The wallet's read side: a user's balances, history (statements) and receipts, each only their own. */
@Service
public class WalletService {

    /** A balance in minor units of an enabled asset. */
    public record Balance(Asset asset, long balance) {}

    private final WalletAccounts accounts;
    private final Journal journal;
    private final LedgerService ledger;

    WalletService(WalletAccounts accounts, Journal journal, LedgerService ledger) {
        this.accounts = accounts;
        this.journal = journal;
        this.ledger = ledger;
    }

    /** Every enabled asset (the default first), with 0 where the user never held it. */
    @Transactional(readOnly = true)
    public List<Balance> balances(long me) {
        Map<String, Long> held = accounts.ofOwner(me).stream()
                .collect(Collectors.toMap(WalletAccounts.Row::asset, WalletAccounts.Row::balance));
        return ledger.assets().stream().map(a -> new Balance(a, held.getOrDefault(a.code(), 0L))).toList();
    }

    /** The user's entries, newest first; {@code asset} (optional) narrows to one asset's account. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> history(long me, String asset, PageRequest page) {
        String code = asset == null || asset.isBlank() ? null : ledger.requireEnabled(asset).code();
        List<Long> mine = accounts.ofOwner(me).stream().filter(r -> code == null || r.asset().equals(code))
                .map(WalletAccounts.Row::id).toList();
        return journal.pageFor(mine, code, page);
    }

    /** One entry the user is party to; anyone else's is a 404, like a missing one. */
    @Transactional(readOnly = true)
    public LedgerEntry receipt(long me, long entryId) {
        return journal.find(entryId).filter(e -> WalletPolicy.canSee(me, e)).orElseThrow(ApiException::notFound);
    }
}
