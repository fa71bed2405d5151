package app.omnia.wallet.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The balances of the accounts a batch touches, read under row locks at the start of the writer's
 * transaction, followed as each posting of the batch is accepted in turn. A posting that would take a user
 * account below zero is refused on its own; the others go on. At the end, {@link #deltas()} is what the
 * batch writes (one guarded UPDATE per account).
 */
public final class RunningBalances {

    /** An account as locked: system accounts may go negative, user accounts may not. */
    public record Account(long id, boolean user, String asset, long balance) {}

    /** A line to apply: the wallet account and the signed amount. */
    public record Change(long accountId, long amount) {}

    private final Map<Long, Account> accounts = new HashMap<>();
    private final Map<Long, Long> current = new HashMap<>();
    private final Map<Long, Long> deltas = new LinkedHashMap<>();

    public RunningBalances(List<Account> locked) {
        for (Account account : locked) {
            accounts.put(account.id(), account);
            current.put(account.id(), account.balance());
        }
    }

    /** Why a posting cannot be applied; empty when it was applied to the running balances. */
    public enum Refusal { UNKNOWN_ACCOUNT, ASSET_MISMATCH, INSUFFICIENT_FUNDS }

    /** Applies every change of one posting, or none of them. */
    public Optional<Refusal> tryApply(String asset, List<Change> changes) {
        for (Change change : changes) {
            Account account = accounts.get(change.accountId());
            if (account == null) {
                return Optional.of(Refusal.UNKNOWN_ACCOUNT);
            }
            if (!account.asset().equals(asset)) {
                return Optional.of(Refusal.ASSET_MISMATCH);
            }
            long after;
            try {
                after = Math.addExact(current.get(change.accountId()), change.amount());
            } catch (ArithmeticException overflow) {
                return Optional.of(Refusal.INSUFFICIENT_FUNDS);
            }
            if (account.user() && after < 0) {
                return Optional.of(Refusal.INSUFFICIENT_FUNDS);
            }
        }
        changes.forEach(c -> {
            current.merge(c.accountId(), c.amount(), Math::addExact);
            deltas.merge(c.accountId(), c.amount(), Math::addExact);
        });
        return Optional.empty();
    }

    /** Takes back a posting applied by {@link #tryApply} (its guard refused it afterwards). */
    public void undo(List<Change> changes) {
        changes.forEach(c -> {
            current.merge(c.accountId(), -c.amount(), Math::addExact);
            deltas.merge(c.accountId(), -c.amount(), Math::addExact);
        });
    }

    public long balance(long accountId) {
        return current.get(accountId);
    }

    /** Net change per account over the batch so far (accounts back at zero change included, harmlessly). */
    public Map<Long, Long> deltas() {
        return Map.copyOf(deltas);
    }
}
