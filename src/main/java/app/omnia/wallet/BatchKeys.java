package app.omnia.wallet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;

/**
 * The Idempotency-Keys of one ledger batch, taken and read in a constant number of round trips however big
 * the batch: one JDBC batch claims every distinct key, one query reads the keys someone else holds, one JDBC
 * batch stores the first responses at the end. A key used twice in one batch is claimed by its first
 * posting; the twin then gets that posting's response (or the 422 for another request), as it would have
 * had it been claimed after the first one.
 */
final class BatchKeys {

    private record OwnerKey(long ownerId, String key) {}

    private final List<LedgerCommand> commands;
    private final boolean[] holds;
    private final Map<Integer, IdempotencyKeys.Lookup> taken;
    private final Map<OwnerKey, Integer> firstUse;
    private final Map<OwnerKey, IdempotencyKeys.Response> responses = new HashMap<>();

    private BatchKeys(List<LedgerCommand> commands, boolean[] holds, Map<Integer, IdempotencyKeys.Lookup> taken,
                      Map<OwnerKey, Integer> firstUse) {
        this.commands = commands;
        this.holds = holds;
        this.taken = taken;
        this.firstUse = firstUse;
    }

    /** Claims the batch's keys (in the caller's transaction) and reads those already held by someone else. */
    static BatchKeys claim(List<LedgerCommand> commands, IdempotencyKeys idempotency) {
        Map<OwnerKey, Integer> firstUse = new HashMap<>();
        List<Integer> claimants = new ArrayList<>();
        List<IdempotencyKeys.Claim> claims = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Posting.Idempotency key = commands.get(i).posting().idempotency();
            if (key != null && firstUse.putIfAbsent(ownerKey(key), i) == null) {
                claimants.add(i);
                claims.add(new IdempotencyKeys.Claim(key.ownerId(), key.key(), key.fingerprint()));
            }
        }
        boolean[] claimed = idempotency.claimAll(claims);
        boolean[] holds = new boolean[commands.size()];
        for (int c = 0; c < claimed.length; c++) {
            holds[claimants.get(c)] = claimed[c];
        }
        // Every keyed posting whose key this batch did not take reads what the holder stored.
        List<Integer> readers = new ArrayList<>();
        List<IdempotencyKeys.Claim> reads = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Posting.Idempotency key = commands.get(i).posting().idempotency();
            if (key != null && !holds[firstUse.get(ownerKey(key))]) {
                readers.add(i);
                reads.add(new IdempotencyKeys.Claim(key.ownerId(), key.key(), key.fingerprint()));
            }
        }
        List<IdempotencyKeys.Lookup> found = idempotency.lookupAll(reads);
        Map<Integer, IdempotencyKeys.Lookup> taken = new HashMap<>();
        for (int r = 0; r < readers.size(); r++) {
            taken.put(readers.get(r), found.get(r));
        }
        return new BatchKeys(commands, holds, taken, firstUse);
    }

    /** Empty when the posting at {@code index} goes on (no key, or its key is now held); else its answer. */
    Optional<PostingOutcome> replay(int index) {
        Posting.Idempotency key = commands.get(index).posting().idempotency();
        if (key == null || holds[index]) {
            return Optional.empty();
        }
        IdempotencyKeys.Lookup lookup = taken.get(index);
        if (lookup != null) {
            try {
                return Optional.of(lookup.get().filter(IdempotencyKeys.Recorded::hasResponse)
                        .<PostingOutcome>map(r -> new PostingOutcome.Replayed(r.status(), r.body()))
                        .orElseGet(BatchKeys::inProgress));
            } catch (ApiException otherRequest) {
                return Optional.of(new PostingOutcome.Refused(otherRequest, null));
            }
        }
        // A twin of an earlier posting of this batch, which holds the key and has answered by now.
        OwnerKey ownerKey = ownerKey(key);
        Posting.Idempotency first = commands.get(firstUse.get(ownerKey)).posting().idempotency();
        if (!first.fingerprint().equals(key.fingerprint())) {
            return Optional.of(new PostingOutcome.Refused(IdempotencyKeys.otherRequest(), null));
        }
        IdempotencyKeys.Response response = responses.get(ownerKey);
        return Optional.of(response == null ? inProgress()
                : new PostingOutcome.Replayed(response.status(), response.body()));
    }

    /** Remembers the first response of a key this batch holds; stored by {@link #store}. */
    void answer(Posting.Idempotency key, int status, String body) {
        responses.put(ownerKey(key),
                new IdempotencyKeys.Response(key.ownerId(), key.key(), status, body));
    }

    /** Stores every first response of the batch, in one JDBC batch. */
    void store(IdempotencyKeys idempotency) {
        idempotency.recordResponses(List.copyOf(responses.values()));
    }

    private static PostingOutcome inProgress() {
        return new PostingOutcome.Refused(ApiException.conflict(
                "A request with this Idempotency-Key is still in progress; retry shortly"), null);
    }

    private static OwnerKey ownerKey(Posting.Idempotency key) {
        return new OwnerKey(key.ownerId(), key.key());
    }
}
