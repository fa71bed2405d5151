package app.omnia.wallet;

import app.omnia.platform.web.ApiException;

/**
 * What became of a posting. {@code Posted} and {@code Refused} are first responses; {@code Replayed} is a
 * stored first response given again for the same Idempotency-Key and request (its entry, if any, was
 * written by the first request only).
 */
public sealed interface PostingOutcome {

    /** The entry was written; {@code body} is the stored response body when the posting had a key. */
    record Posted(LedgerEntry entry, String body) implements PostingOutcome {}

    /** Refused by the ledger (insufficient funds, or a guard); nothing was written but the key's response. */
    record Refused(ApiException reason, String body) implements PostingOutcome {}

    /** The first response to this key, replayed. */
    record Replayed(int status, String body) implements PostingOutcome {}
}
