package app.omnia.wallet;

import app.omnia.platform.web.ApiException;

/**
 * A last check (and write) a posting makes inside the ledger writer's transaction, after funds were found
 * sufficient and before the entry is written: e.g. "the money request is still pending, mark it paid", or a
 * spending limit read under lock. It should run one or two small statements. Throwing an
 * {@link ApiException} refuses this posting alone; the rest of the batch goes on. A guard that throws must
 * not have written anything (use a conditional UPDATE and throw when it changed no row).
 */
@FunctionalInterface
public interface PostingGuard {

    /** @param entryId the id the entry will have if this posting is applied */
    void check(long entryId);
}
