package app.omnia.wallet;

import java.util.List;

import app.omnia.wallet.domain.RunningBalances;

/** A posting with its legs resolved to wallet account rows: what the writer's queue carries. */
record LedgerCommand(Posting posting, List<LedgerEntry.Line> lines) {

    List<RunningBalances.Change> changes() {
        return lines.stream().map(l -> new RunningBalances.Change(l.walletAccountId(), l.amount())).toList();
    }

    List<Long> accountIds() {
        return lines.stream().map(LedgerEntry.Line::walletAccountId).toList();
    }
}
