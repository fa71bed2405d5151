package app.omnia.wallet.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemResponses;
import app.omnia.wallet.WalletReply;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's Idempotency-Key for money-moving requests that act on something already there (confirming a charge,
 * a second confirmation, a top-up's challenge) rather than posting one entry of their own: the first response,
 * status and body, is stored under the caller's key and replayed to every retry of the same request, whatever
 * the state is by then (a confirmation confirmed since answers its first "confirmed" again, not "already
 * confirmed"); the same key with another request is a 422.
 *
 * <p>The key is claimed in a transaction of its own before the work, not in the work's transaction: the money
 * moves in the ledger writer's transaction, which must never wait on a row the request holds. So a duplicate
 * sent while the first runs finds the key claimed and unanswered, and gets a 409 (as a transfer's duplicate
 * does when its key is held elsewhere); the operations themselves pay at most once in any case. Input errors
 * (400, a validation problem) and answers that invite a retry (409, 429, 5xx) are not stored, as Stripe does
 * not store them: the key is given back. A claim left unanswered by a server that died is taken over by a retry
 * after {@link #ABANDONED_AFTER}.
 */
@Component
class KeyedReplies {

    /** Far longer than any request here takes (the writer answers within its posting timeout, 10 s by default). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final IdempotencyKeys keys;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    KeyedReplies(IdempotencyKeys keys, ProblemResponses problems, JsonMapper json, TransactionTemplate transactions) {
        this.keys = keys;
        this.problems = problems;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} once per key and request and answers its response, or the stored one.
     *
     * @param key        the Idempotency-Key header, or null (then the work runs and answers as it always did)
     * @param parameters the request's parameters the endpoint reads, as text (the method and path are added)
     */
    ResponseEntity<?> answer(long owner, String key, HttpServletRequest request, String parameters,
                             Supplier<?> work) {
        if (key == null || key.isBlank()) {
            return ResponseEntity.ok(work.get());
        }
        IdempotencyKeys.checkLength(key);
        String path = request.getRequestURI();
        String fingerprint = request.getMethod() + " " + path + "|" + parameters;
        Optional<IdempotencyKeys.Recorded> seen = keys.lookup(owner, key, fingerprint);
        if (seen.isPresent() && seen.get().hasResponse()) {
            return replay(seen.get());
        }
        Boolean held = transactions.execute(tx -> seen.isPresent()
                ? keys.takeOver(owner, key, fingerprint, ABANDONED_AFTER)
                : keys.claim(owner, key, fingerprint));
        if (!Boolean.TRUE.equals(held)) {
            return keys.lookup(owner, key, fingerprint).filter(IdempotencyKeys.Recorded::hasResponse)
                    .map(KeyedReplies::replay).orElseThrow(() -> ApiException.conflict(
                            "A request with this Idempotency-Key is still in progress; retry shortly"));
        }
        WalletReply reply = run(owner, key, path, work);
        transactions.executeWithoutResult(tx -> keys.recordResponse(owner, key, reply.status(), reply.body()));
        return Replies.send(reply);
    }

    /** The work's response as stored; a refusal not to be stored gives the key back and is thrown as it is. */
    private WalletReply run(long owner, String key, String path, Supplier<?> work) {
        try {
            return new WalletReply(200, json.writeValueAsString(work.get()), false);
        } catch (ApiException refused) {
            if (!stored(refused)) {
                keys.release(owner, key);
                throw refused;
            }
            return new WalletReply(refused.status().value(), problems.text(refused, path), true);
        } catch (RuntimeException | Error failed) {
            keys.release(owner, key);
            throw failed;
        }
    }

    /** An outcome of the operation (a refusal by the wallet, the network, the state of things), not of the input. */
    private static boolean stored(ApiException refused) {
        int status = refused.status().value();
        return status != 400 && status != 409 && status != 429 && status < 500
                && !ApiException.VALIDATION_TYPE.equals(refused.type());
    }

    private static ResponseEntity<String> replay(IdempotencyKeys.Recorded recorded) {
        return Replies.send(new WalletReply(recorded.status(), recorded.body(), recorded.status() >= 400));
    }
}
