package app.omnia.wallet;

import java.time.Instant;
import java.util.List;

/** A journal entry as written: immutable, balanced, in minor units of {@code asset}. */
public record LedgerEntry(long id, String kind, String asset, long amount, Long payerId, Long payeeId,
                          Long initiatorId, String note, Instant createdAt, List<Line> lines) {

    public LedgerEntry {
        lines = List.copyOf(lines);
    }

    /**
     * One line: the wallet account (its id, and its owner or system name) and the signed amount
     * (negative: debit, positive: credit).
     */
    public record Line(long walletAccountId, Long ownerId, String systemName, long amount) {}

    /** Whether this user is on one side of the entry (the rule behind "who may see it"). */
    public boolean involves(long accountId) {
        return (payerId != null && payerId == accountId) || (payeeId != null && payeeId == accountId)
                || lines.stream().anyMatch(l -> l.ownerId() != null && l.ownerId() == accountId);
    }
}
