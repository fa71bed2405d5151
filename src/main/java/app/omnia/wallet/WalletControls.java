package app.omnia.wallet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.SpendingTier;
import app.omnia.wallet.persistence.Freezes;
import app.omnia.wallet.persistence.OutgoingPayments;

/**
 * Spending limits and freezes, for every path that moves money out of a user's wallet (P2P sends,
 * withdrawals, merchant charges: postings with a {@link Posting.Spending}). The ledger writer checks and
 * counts them inside its transaction ({@link #open}), so the decision and the debit are one atomic step; the
 * payer's wallet account is locked meanwhile, so concurrent payments are judged one after the other.
 * Moderation freezes a wallet through {@link #freeze}: money stays, nothing leaves, incoming still arrives.
 */
@Service
public class WalletControls {

    public static final String TRANSFER = "transfer";
    public static final String WITHDRAWAL = "withdrawal";
    public static final String CHARGE = "charge";

    private static final int MAX_REASON = 500;

    private final Freezes freezes;
    private final OutgoingPayments outgoing;
    private final AccountService accounts;
    private final SpendingLimits limits;
    private final AuditLog audit;
    private final Clock clock;

    WalletControls(Freezes freezes, OutgoingPayments outgoing, AccountService accounts, SpendingLimits limits,
                   AuditLog audit, Clock clock) {
        this.freezes = freezes;
        this.outgoing = outgoing;
        this.accounts = accounts;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /** Freezes the wallet of {@code accountId} (moderation's entry point too); audited. 404 for no such account. */
    @Transactional
    public void freeze(long actorId, long accountId, String reason) {
        requireAccount(accountId);
        String why = requireReason(reason);
        if (freezes.freeze(accountId, actorId, why, clock.instant())) {
            audit.record(actorId, "wallet.freeze", "account", accountId, why);
        }
    }

    @Transactional
    public void unfreeze(long actorId, long accountId, String reason) {
        requireAccount(accountId);
        String why = requireReason(reason);
        if (freezes.unfreeze(accountId)) {
            audit.record(actorId, "wallet.unfreeze", "account", accountId, why);
        }
    }

    /**
     * Freezes a wallet on the system's own motion, in the caller's transaction (a reversed top-up that left money
     * owed: nothing should leave until the staff settle it); audited without an actor.
     */
    void freezeOwing(long accountId, String reason) {
        if (freezes.freeze(accountId, null, reason, clock.instant())) {
            audit.record(null, "wallet.freeze", "account", accountId, reason);
        }
    }

    public boolean isFrozen(long accountId) {
        return freezes.find(accountId).isPresent();
    }

    /** An early, clear refusal before any work starts; {@link #check} decides again atomically. */
    public void ensureNotFrozen(long accountId) {
        if (isFrozen(accountId)) {
            throw frozen();
        }
    }

    /**
     * For the ledger writer, inside the transaction that debits the accounts, once it holds the row locks of the
     * wallet accounts the payers' money leaves (so their freezes and earlier payments cannot change meanwhile,
     * see {@link Freezes}): reads, for all payers together, their freezes, spending tiers and what they sent today
     * and this month, in three queries. The batch then judges each payment in memory, in order
     * ({@link SpendingBook}).
     */
    SpendingBook open(Collection<Long> payerIds) {
        Instant now = clock.instant();
        Set<Long> frozen = freezes.frozenAmong(payerIds);
        Map<Long, SpendingBook.Payer> payers = new HashMap<>();
        accounts.standings(payerIds, LocalDate.ofInstant(now, ZoneOffset.UTC)).forEach((id, standing) ->
                payers.put(id, new SpendingBook.Payer(frozen.contains(id),
                        SpendingTier.of(standing.minor(), standing.verified()))));
        return new SpendingBook(payers, limits, outgoing.sentSince(payerIds, startOfDay(now), startOfMonth(now)), now);
    }

    /** Records the payments a batch counted, in one JDBC batch (same transaction as {@link #open}). */
    void record(SpendingBook book) {
        outgoing.recordAll(book.payments());
    }

    /**
     * The P2P hook (transfers and paid money requests): the payer's freeze and limits are checked, and the send
     * counted, in the posting's own step, before the posting's own guard.
     */
    public Posting guarded(Posting posting) {
        if (posting.payerId() == null || !TRANSFER.equals(posting.kind())) {
            // Admin adjustments share the P2P writing path; a correction by staff is not a send.
            return posting;
        }
        return posting.withSpending(new Posting.Spending(posting.payerId(), TRANSFER, null));
    }

    /** Forgets a payment that came back (a withdrawal returned by the card's bank). */
    public void release(String kind, long refId) {
        outgoing.release(kind, refId);
    }

    /** Whether a payment of this amount (minor units of {@code asset}) waits for its payer's second confirmation. */
    public boolean needsSecondConfirmation(long amount, String asset) {
        return amount > limits.confirmationAbove(asset);
    }

    public SpendingStatus status(long accountId, String asset) {
        Instant now = clock.instant();
        SpendingTier tier = tierOf(accountId);
        SpendingLimits.Caps caps = limits.caps(tier, asset);
        var freeze = freezes.find(accountId);
        return new SpendingStatus(tier.key(), asset, caps.daily(), caps.monthly(),
                outgoing.sumSince(accountId, asset, startOfDay(now)), outgoing.sumSince(accountId, asset, startOfMonth(now)),
                limits.confirmationAbove(asset), limits.cardMaxAmount(asset), freeze.isPresent(),
                freeze.map(Freezes.Freeze::reason).orElse(null), freeze.map(Freezes.Freeze::frozenAt).orElse(null));
    }

    private SpendingTier tierOf(long accountId) {
        Account account = requireAccount(accountId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        boolean minor = account.dateOfBirth() != null && account.minorOn(today);
        return SpendingTier.of(minor, !accounts.verificationKinds(accountId).isEmpty());
    }

    private Account requireAccount(long accountId) {
        return accounts.find(accountId).orElseThrow(ApiException::notFound);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.validation("reason", "ERR_BLANK", "reason can't be blank");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.validation("reason", "ERR_TOO_LONG", "reason is longer than " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static Instant startOfDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant startOfMonth(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** 403 {@code wallet-frozen}: a stable type clients may test. */
    public static ApiException frozen() {
        return new ApiException(HttpStatus.FORBIDDEN, "wallet-frozen", "Wallet frozen",
                "This wallet is frozen: money cannot leave it until the staff unfreeze it"
                        + " (incoming payments still arrive)",
                List.of(), Map.of());
    }

    static ApiException overLimit(String period, long cap, long sent, Asset asset) {
        String message = "This payment would pass the " + period + " limit of " + asset.format(cap) + " " + asset.code()
                + " (already sent: " + asset.format(sent) + ")";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "spending-limit", "Spending limit reached", message,
                List.of(new ApiException.FieldError("amount", "ERR_LIMIT", message)), Map.of("limit", period));
    }
}
