package app.omnia.platform;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.idempotency.IdempotencyKeys.Claim;
import app.omnia.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch forms of the idempotency keys on the server's own database (PostgreSQL runs them as one statement
 * over arrays each, H2 as JDBC batches): per-key answers however the claims are ordered, mixed with keys held
 * already and with a key claimed twice.
 */
@IntegrationTest
class IdempotencyKeysBatchTest {

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void claimAllTakesFreeKeysOnlyOnceEachAndTellsWhichInTheClaimsOrder() {
        long owner = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        transactions.executeWithoutResult(s -> keys.claimAll(List.of(new Claim(owner, "b-held", "x"))));

        boolean[] claimed = transactions.execute(s -> keys.claimAll(List.of(
                new Claim(owner + 1, "a", "x"),
                new Claim(owner, "c-free", "x"),
                new Claim(owner, "b-held", "x"),
                new Claim(owner, "a", "y"),
                new Claim(owner, "c-free", "x"))));

        assertThat(claimed).containsExactly(true, true, false, true, false);
    }

    @Test
    void responsesAreStoredTogetherAndLookedUpTogether() {
        long owner = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<Claim> claims = List.of(new Claim(owner, "one", "first"), new Claim(owner, "two", "second"),
                new Claim(owner + 1, "one", "third"));
        transactions.executeWithoutResult(s -> {
            keys.claimAll(claims);
            keys.recordResponses(List.of(new IdempotencyKeys.Response(owner, "one", 200, "{\"a\":1}"),
                    new IdempotencyKeys.Response(owner + 1, "one", 422, "{\"b\":2}")));
        });

        List<IdempotencyKeys.Lookup> found = keys.lookupAll(List.of(new Claim(owner, "one", "first"),
                new Claim(owner, "two", "second"), new Claim(owner + 1, "one", "other request"),
                new Claim(owner, "never", "first"), new Claim(owner + 1, "two", "second")));

        assertThat(found.get(0).get()).contains(new IdempotencyKeys.Recorded(null, 200, "{\"a\":1}"));
        assertThat(found.get(1).get()).contains(new IdempotencyKeys.Recorded(null, null, null));
        assertThat(found.get(2).usedByOtherRequest()).isTrue();
        assertThat(found.get(3).get()).isEmpty();
        assertThat(found.get(4).get()).isEmpty();
    }
}
