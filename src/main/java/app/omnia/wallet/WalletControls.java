package app.omnia.wallet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.domain.SpendingCheck;
import app.omnia.wallet.domain.SpendingTier;
import app.omnia.wallet.persistence.Freezes;
import app.omnia.wallet.persistence.OutgoingPayments;

/**
 * Spending limits and freezes, for every path that moves money out of a user's wallet (P2P sends,
 * withdrawals, merchant charges). {@link #check} and {@link #record} run inside the ledger writer's
 * transaction (from a {@link PostingGuard}), so the decision and the debit are one atomic step; the
 * account's control row is locked meanwhile, so concurrent payments are judged one after the other.
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
    private final WalletLimitsSettings limits;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    WalletControls(Freezes freezes, OutgoingPayments outgoing, AccountService accounts, WalletLimitsSettings limits,
                   AuditLog audit, IdGenerator ids, Clock clock) {
        this.freezes = freezes;
        this.outgoing = outgoing;
        this.accounts = accounts;
        this.limits = limits;
        this.audit = audit;
        this.ids = ids;
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
     * Inside the transaction that debits the account: locks its control row, then refuses a frozen wallet
     * (403 {@code wallet-frozen}) or an amount over the day's or month's cap (422 {@code spending-limit}
     * naming {@code amount}). Writes nothing the caller would have to undo.
     */
    public void check(long accountId, String asset, long amount) {
        if (freezes.lock(accountId).isPresent()) {
            throw frozen();
        }
        WalletLimitsSettings.Caps caps = capsOf(accountId);
        Instant now = clock.instant();
        var sent = outgoing.sentSince(accountId, asset, startOfDay(now), startOfMonth(now));
        long today = sent.today();
        long month = sent.month();
        switch (SpendingCheck.check(amount, today, month, caps.daily(), caps.monthly())) {
            case OVER_DAILY -> throw overLimit("daily", caps.daily(), today, asset);
            case OVER_MONTHLY -> throw overLimit("monthly", caps.monthly(), month, asset);
            case ALLOWED -> { }
        }
    }

    /** Counts a payment against the caps (after {@link #check}, in the same transaction). */
    public void record(long accountId, String asset, long amount, String kind, long refId) {
        outgoing.record(ids.next(), accountId, asset, amount, kind, refId, clock.instant());
    }

    /**
     * The P2P hook (transfers and paid money requests): the payer's freeze and limits are checked, and the send
     * counted, in the posting's own step, around the posting's own guard.
     */
    public Posting guarded(Posting posting) {
        if (posting.payerId() == null || !TRANSFER.equals(posting.kind())) {
            // Admin adjustments share the P2P writing path; a correction by staff is not a send.
            return posting;
        }
        long payer = posting.payerId();
        PostingGuard own = posting.guard();
        return posting.withGuard(entryId -> {
            check(payer, posting.asset(), posting.amount());
            if (own != null) {
                own.check(entryId);
            }
            record(payer, posting.asset(), posting.amount(), TRANSFER, entryId);
        });
    }

    /** Forgets a payment that came back (a withdrawal returned by the card's bank). */
    public void release(String kind, long refId) {
        outgoing.release(kind, refId);
    }

    /** Whether a payment of this amount waits for its payer's second confirmation. */
    public boolean needsSecondConfirmation(long amount) {
        return amount > limits.confirmationAbove();
    }

    public SpendingStatus status(long accountId, String asset) {
        Instant now = clock.instant();
        SpendingTier tier = tierOf(accountId);
        WalletLimitsSettings.Caps caps = capsOf(tier);
        var freeze = freezes.find(accountId);
        return new SpendingStatus(tier.key(), asset, caps.daily(), caps.monthly(),
                outgoing.sumSince(accountId, asset, startOfDay(now)), outgoing.sumSince(accountId, asset, startOfMonth(now)),
                limits.confirmationAbove(), freeze.isPresent(), freeze.map(Freezes.Freeze::reason).orElse(null),
                freeze.map(Freezes.Freeze::frozenAt).orElse(null));
    }

    private WalletLimitsSettings.Caps capsOf(long accountId) {
        return capsOf(tierOf(accountId));
    }

    private WalletLimitsSettings.Caps capsOf(SpendingTier tier) {
        return switch (tier) {
            case MINOR -> limits.minor();
            case VERIFIED -> limits.verified();
            case UNVERIFIED -> limits.unverified();
        };
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
                "This wallet is frozen by the staff: money cannot leave it (incoming payments still arrive)",
                List.of(), Map.of());
    }

    private static ApiException overLimit(String period, long cap, long sent, String asset) {
        String message = "This payment would pass the " + period + " limit of " + cap + " " + asset
                + " (already sent: " + sent + ")";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "spending-limit", "Spending limit reached", message,
                List.of(new ApiException.FieldError("amount", "ERR_LIMIT", message)), Map.of("limit", period));
    }
}
