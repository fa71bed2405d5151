package app.omnia.wallet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemResponses;
import app.omnia.wallet.domain.RunningBalances;
import app.omnia.wallet.persistence.Journal;
import app.omnia.wallet.persistence.WalletAccounts;

/**
 * Applies one batch of postings inside the writer's transaction (the caller opens it). Every account the
 * batch touches is locked first, in id order, and the batch's Idempotency-Keys are claimed together
 * ({@link BatchKeys}), and the spending controls of every payer read together ({@link SpendingBook}); then each
 * posting is judged in turn against the running balances and running spending totals, so one posting's
 * refusal (insufficient funds, frozen, over a limit, a guard's no) is its own outcome and the rest go on,
 * exactly as if they had been applied one by one; last, the accepted entries and their lines are appended,
 * the first responses and the payments counted stored, and each balance gets one guarded UPDATE, each as one
 * batched statement: the round trips per batch do not grow with its size (postings' own guards aside, which
 * only money requests, card operations and charges have).
 */
@Component
class LedgerBatch {

    private final WalletAccounts accounts;
    private final Journal journal;
    private final IdempotencyKeys idempotency;
    private final ProblemResponses problems;
    private final ApplicationEventPublisher events;
    private final WalletControls controls;
    private final IdGenerator ids;
    private final Clock clock;

    LedgerBatch(WalletAccounts accounts, Journal journal, IdempotencyKeys idempotency, ProblemResponses problems,
                ApplicationEventPublisher events, WalletControls controls, IdGenerator ids,
                Clock clock) {
        this.controls = controls;
        this.accounts = accounts;
        this.journal = journal;
        this.idempotency = idempotency;
        this.problems = problems;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** The outcomes, in the commands' order. Throws (and the transaction rolls back) only on a database failure. */
    List<PostingOutcome> apply(List<LedgerCommand> commands) {
        TreeSet<Long> touched = new TreeSet<>();
        commands.forEach(c -> touched.addAll(c.accountIds()));
        RunningBalances balances = new RunningBalances(accounts.lock(touched));
        BatchKeys keys = BatchKeys.claim(commands, idempotency);
        SpendingBook spending = spendingBook(commands);
        Instant now = clock.instant();
        List<LedgerEntry> accepted = new ArrayList<>();
        List<PostingOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Optional<PostingOutcome> replay = keys.replay(i);
            outcomes.add(replay.isPresent() ? replay.get()
                    : judge(commands.get(i), keys, balances, spending, now, accepted));
        }
        journal.append(accepted);
        keys.store(idempotency);
        if (spending != null) {
            controls.record(spending);
        }
        if (!accounts.applyDeltas(balances.deltas())) {
            // Cannot happen while every writer locks first; if it does, nothing of this batch is kept.
            throw new IllegalStateException("A balance guard refused a batch");
        }
        return outcomes;
    }

    /** The spending controls of the batch's payers, read together; null when no posting of the batch spends. */
    private SpendingBook spendingBook(List<LedgerCommand> commands) {
        TreeSet<Long> payers = new TreeSet<>();
        commands.stream().map(c -> c.posting().spending()).filter(Objects::nonNull)
                .forEach(s -> payers.add(s.accountId()));
        return payers.isEmpty() ? null : controls.open(payers);
    }

    /**
     * A posting with no key, or whose key this batch holds: posted or refused, its response kept in keys. The
     * checks run in the order one posting alone would meet them: funds, spending controls, the posting's guard.
     */
    private PostingOutcome judge(LedgerCommand command, BatchKeys keys, RunningBalances balances,
                                 SpendingBook spending, Instant now, List<LedgerEntry> accepted) {
        Posting posting = command.posting();
        Posting.Idempotency key = posting.idempotency();
        Posting.Spending spends = posting.spending();
        var changes = command.changes();
        ApiException refused = balances.tryApply(posting.asset(), changes).map(LedgerBatch::refusal).orElse(null);
        if (refused == null && spends != null) {
            refused = spending.check(spends.accountId(), posting.asset(), posting.amount()).orElse(null);
            if (refused != null) {
                balances.undo(changes);
            }
        }
        long entryId = ids.next();
        if (refused == null && posting.guard() != null) {
            try {
                posting.guard().check(entryId);
            } catch (ApiException no) {
                balances.undo(changes);
                refused = no;
            }
        }
        if (refused == null && spends != null) {
            spending.count(spends, posting.asset(), posting.amount(), entryId, ids.next());
        }
        if (refused != null) {
            String body = null;
            if (key != null) {
                body = problemBody(refused, key.path());
                keys.answer(key, refused.status().value(), body);
            }
            return new PostingOutcome.Refused(refused, body);
        }
        LedgerEntry entry = new LedgerEntry(entryId, posting.kind(), posting.asset(), posting.amount(),
                posting.payerId(), posting.payeeId(), posting.initiatorId(), posting.note(), now, command.lines());
        accepted.add(entry);
        String body = null;
        if (key != null) {
            body = key.successBody().apply(entry);
            keys.answer(key, 200, body);
        }
        events.publishEvent(new TransferCompleted(entry.id(), entry.kind(), entry.asset(), entry.amount(),
                entry.payerId(), entry.payeeId()));
        return new PostingOutcome.Posted(entry, body);
    }

    static ApiException refusal(RunningBalances.Refusal why) {
        return switch (why) {
            case INSUFFICIENT_FUNDS -> insufficientFunds();
            case UNKNOWN_ACCOUNT, ASSET_MISMATCH -> ApiException.validation("asset", "ERR_INVALID",
                    "The accounts of this movement do not hold this asset");
        };
    }

    /** 422 {@code urn:omnia:problem:insufficient-funds}, naming {@code amount}: a stable type clients may test. */
    static ApiException insufficientFunds() {
        String message = "The balance is too low for this amount";
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "insufficient-funds", "Insufficient funds", message,
                List.of(new ApiException.FieldError("amount", "ERR_INSUFFICIENT_FUNDS", message)), Map.of());
    }

    /** The problem document exactly as the server would send it, to be stored and replayed byte for byte. */
    private String problemBody(ApiException e, String path) {
        return problems.text(e, path);
    }
}
