package app.omnia.wallet.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;
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
 * Stripe's Idempotency-Key for the wallet's money-moving requests other than transfers (whose key the ledger
 * writer claims with the entry itself): creating a top-up, a withdrawal, a charge, a refund or a money request,
 * and the requests that act on something already there (confirming a charge, a second confirmation, a top-up's
 * challenge). The first response, status and body, is stored under the caller's key and replayed to every retry
 * of the same request, whatever the state is by then (a top-up that was {@code requires_action} answers so again
 * after its challenge was passed; a confirmation confirmed since answers its first "confirmed", not "already
 * confirmed"); the same key with another request is a 422.
 *
 * <p>The key is claimed in a transaction of its own before the work, not in the work's transaction: the money
 * moves in the ledger writer's transaction, which must never wait on a row the request holds. So a duplicate
 * sent while the first runs finds the key claimed and unanswered, and gets a 409 (as a transfer's duplicate
 * does when its key is held elsewhere). A creation ties what it made to the key in its own transaction
 * ({@link IdempotencyKeys#once}), so that the money never moves twice whatever fails between. Input errors
 * (400, a validation problem) and answers that invite a retry (409, 429, 5xx) are not stored, as Stripe does not
 * store them: the key is given back, unless the request made its resource, whose state is then the answer. A
 * claim left unanswered by a server that died is taken over by a retry after {@link #ABANDONED_AFTER}, or, when
 * its resource was made, answered with that resource as it is then.
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

    /** {@link #answer(long, String, HttpServletRequest, String, Supplier, LongFunction)} for work that makes nothing. */
    ResponseEntity<?> answer(long owner, String key, HttpServletRequest request, String parameters,
                             Supplier<?> work) {
        return answer(owner, key, request, parameters, work, null);
    }

    /**
     * Runs {@code work} once per key and request and answers its response, or the stored one.
     *
     * @param key        the Idempotency-Key header, or null (then the work runs and answers as it always did)
     * @param parameters the request's parameters the endpoint reads, as text (the method and path are added)
     * @param made       for work that creates (through {@link IdempotencyKeys#once}): the resource of that id
     *                   as it is now, the answer when the first request made it but never answered; else null
     */
    ResponseEntity<?> answer(long owner, String key, HttpServletRequest request, String parameters,
                             Supplier<?> work, LongFunction<?> made) {
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
        if (seen.isPresent() && seen.get().resourceId() != null) {
            return answerUnanswered(owner, key, fingerprint, made, seen.get().resourceId());
        }
        Boolean held = transactions.execute(tx -> seen.isPresent()
                ? keys.takeOver(owner, key, fingerprint, ABANDONED_AFTER)
                : keys.claim(owner, key, fingerprint));
        if (!Boolean.TRUE.equals(held)) {
            return keys.lookup(owner, key, fingerprint).filter(IdempotencyKeys.Recorded::hasResponse)
                    .map(KeyedReplies::replay).orElseThrow(KeyedReplies::inProgress);
        }
        WalletReply reply = run(owner, key, path, work, made);
        transactions.executeWithoutResult(tx -> keys.recordResponse(owner, key, reply.status(), reply.body()));
        return Replies.send(reply);
    }

    /**
     * The first request made its resource and has not answered: it is still running (409, as for any duplicate
     * in flight), or its server died after the resource was made; then the resource as it is now is the answer.
     */
    private ResponseEntity<?> answerUnanswered(long owner, String key, String fingerprint, LongFunction<?> made,
                                               long resourceId) {
        if (made != null) {
            String body = json.writeValueAsString(made.apply(resourceId));
            if (Boolean.TRUE.equals(transactions.execute(tx -> keys.answerAbandoned(owner, key, 200, body,
                    ABANDONED_AFTER)))) {
                return Replies.send(new WalletReply(200, body, false));
            }
        }
        return keys.lookup(owner, key, fingerprint).filter(IdempotencyKeys.Recorded::hasResponse)
                .map(KeyedReplies::replay).orElseThrow(KeyedReplies::inProgress);
    }

    private static ApiException inProgress() {
        return ApiException.conflict("A request with this Idempotency-Key is still in progress; retry shortly");
    }

    /**
     * The work's response as stored. A refusal not to be stored is thrown as it is, and gives the key back;
     * when the work made its resource before failing, the key stays with it and that resource, as it is, becomes
     * the stored answer for the retries.
     */
    private WalletReply run(long owner, String key, String path, Supplier<?> work, LongFunction<?> made) {
        try {
            return new WalletReply(200, json.writeValueAsString(work.get()), false);
        } catch (ApiException refused) {
            if (!stored(refused)) {
                giveBack(owner, key, made);
                throw refused;
            }
            return new WalletReply(refused.status().value(), problems.text(refused, path), true);
        } catch (RuntimeException | Error failed) {
            giveBack(owner, key, made);
            throw failed;
        }
    }

    private void giveBack(long owner, String key, LongFunction<?> made) {
        if (keys.release(owner, key) || made == null) {
            return;
        }
        keys.resourceOf(owner, key).ifPresent(id -> keys.recordResponse(owner, key,
                200, json.writeValueAsString(made.apply(id))));
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
