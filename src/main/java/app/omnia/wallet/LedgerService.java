package app.omnia.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.EntryRules;
import app.omnia.wallet.persistence.WalletAccounts;

/**
 * The ledger's write side, for this module and others (cards, shops): {@link #post} appends one balanced
 * journal entry through the batching writer and returns its outcome. Callers check their own rules first
 * (who may pay whom, limits); the ledger checks what only it can: that user balances stay at or above zero,
 * atomically with the write, and the posting's guard.
 *
 * <p>Not {@code @Transactional}: the entry is written by the writer's own transaction (on the writer's
 * thread), so a caller should not hold database locks its posting might wait for. Wallet accounts a posting
 * needs are created in a transaction of their own first, so the writer sees them even when the caller is
 * inside a transaction.
 */
@Service
public class LedgerService {

    private final WalletAccounts accounts;
    private final LedgerWriter writer;
    private final IdempotencyKeys idempotency;
    private final WalletSettings settings;
    private final TransactionTemplate ownTransaction;
    private final WalletAccountIds accountIds;
    private final Assets assets;

    LedgerService(WalletAccounts accounts, LedgerWriter writer, IdempotencyKeys idempotency, WalletSettings settings,
                  PlatformTransactionManager transactionManager, WalletAccountIds accountIds, Assets assets) {
        this.accountIds = accountIds;
        this.assets = assets;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.accounts = accounts;
        this.writer = writer;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    /**
     * Appends the posting's entry, or says why not. With an idempotency key, a request already answered is
     * {@link PostingOutcome.Replayed} by the writer, which claims the key with the entry (callers that answer
     * retries before validating anything use {@link #replay} first).
     *
     * @throws ApiException 422 naming {@code asset} for a disabled asset; 503 when the writer is saturated
     * @throws IllegalArgumentException when the legs do not balance (a programming error)
     */
    public PostingOutcome post(Posting posting) {
        requireEnabled(posting.asset());
        EntryRules.requireBalanced(posting.legs().stream().map(l -> new EntryRules.Line(l.party(), l.amount())).toList());
        if (posting.spending() != null && posting.legs().stream().noneMatch(l -> l.amount() < 0
                && l.party() instanceof Party.User user && user.accountId() == posting.spending().accountId())) {
            throw new IllegalArgumentException("a posting's spending must debit the spender");
        }
        List<LedgerEntry.Line> lines = resolve(posting);
        try {
            return writer.submit(new LedgerCommand(posting, lines))
                    .get(settings.postingTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            throw LedgerWriter.busy("The wallet is busy; retry with the same Idempotency-Key to learn the outcome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LedgerWriter.busy("Interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw LedgerWriter.busy("The wallet could not record this; retry");
        }
    }

    /**
     * The posting's legs as lines on wallet accounts, creating the accounts on first use. Ids already known
     * cost nothing ({@link WalletAccountIds}); the others are found or created in one transaction, remembered
     * once it has committed.
     */
    private List<LedgerEntry.Line> resolve(Posting posting) {
        String asset = posting.asset();
        Map<Party, Long> ids = new HashMap<>();
        List<Party> unknown = new ArrayList<>();
        for (Leg leg : posting.legs()) {
            accountIds.find(leg.party(), asset).ifPresentOrElse(id -> ids.put(leg.party(), id),
                    () -> unknown.add(leg.party()));
        }
        if (!unknown.isEmpty()) {
            Map<Party, Long> created = ownTransaction.execute(status -> ensure(unknown, asset));
            created.forEach((party, id) -> accountIds.remember(party, asset, id));
            ids.putAll(created);
        }
        return posting.legs().stream().map(leg -> switch (leg.party()) {
            case Party.User user -> new LedgerEntry.Line(ids.get(user), user.accountId(), null, leg.amount());
            case Party.System system -> new LedgerEntry.Line(ids.get(system), null, system.account().name(),
                    leg.amount());
        }).toList();
    }

    private Map<Party, Long> ensure(List<Party> parties, String asset) {
        Map<Party, Long> ids = new HashMap<>();
        for (Party party : parties) {
            ids.put(party, switch (party) {
                case Party.User user -> accounts.ensureUser(user.accountId(), asset);
                case Party.System system -> accounts.ensureSystem(system.account().name(), asset);
            });
        }
        return ids;
    }

    /** {@link #post} for callers without an idempotency key: the entry, or the refusal thrown. */
    public LedgerEntry postOrThrow(Posting posting) {
        if (posting.idempotency() != null) {
            throw new IllegalArgumentException("postOrThrow is for postings without an idempotency key");
        }
        return switch (post(posting)) {
            case PostingOutcome.Posted posted -> posted.entry();
            case PostingOutcome.Refused refused -> throw refused.reason();
            case PostingOutcome.Replayed replayed -> throw new IllegalStateException("replay without a key");
        };
    }

    /**
     * A stored first response for this caller, key and request, if there is one (the same key with another
     * request is a 422). Lets a caller answer a retry before validating anything again.
     */
    public Optional<PostingOutcome> replay(long ownerId, String key, String fingerprint) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return idempotency.lookup(ownerId, key, fingerprint).filter(IdempotencyKeys.Recorded::hasResponse)
                .map(r -> new PostingOutcome.Replayed(r.status(), r.body()));
    }

    /** The user's balance in this asset, in minor units (0 when they never held it). */
    public long balance(long ownerId, String asset) {
        return accounts.ofOwner(ownerId).stream().filter(r -> r.asset().equals(asset))
                .mapToLong(WalletAccounts.Row::balance).findFirst().orElse(0);
    }

    /** A system account's balance in this asset, in minor units (may be negative). */
    public long systemBalance(SystemAccount account, String asset) {
        return accounts.systemAccounts().stream()
                .filter(r -> r.systemName().equals(account.name()) && r.asset().equals(asset))
                .mapToLong(WalletAccounts.Row::balance).findFirst().orElse(0);
    }

    /** The asset for a code when it is enabled; 422 naming {@code asset} otherwise. */
    public Asset requireEnabled(String code) {
        Asset asset = assets.enabled(code);
        if (asset == null) {
            throw ApiException.validation("asset", "ERR_INVALID", code == null || code.isBlank()
                    ? "asset is required" : "asset " + code.trim() + " is not enabled here (enabled: "
                    + String.join(", ", assets.all().stream().map(Asset::code).toList()) + ")");
        }
        return asset;
    }

    /** The enabled assets, the default one first. */
    public List<Asset> assets() {
        return assets.all();
    }

    public Asset defaultAsset() {
        return assets.defaultAsset();
    }
}
