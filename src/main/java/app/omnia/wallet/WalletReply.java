package app.omnia.wallet;

import java.util.function.Function;

/**
 * A money-moving request's response as stored for Idempotency-Key replays: status and exact body. The web
 * layer sends it as is ({@code application/problem+json} when {@code problem}), so the first response and
 * every replay are the same bytes.
 */
public record WalletReply(int status, String body, boolean problem) {

    /** The reply for an outcome; a refusal that was not stored (no key) is thrown as the problem it is. */
    static WalletReply of(PostingOutcome outcome, Function<LedgerEntry, String> render) {
        return switch (outcome) {
            case PostingOutcome.Posted posted -> new WalletReply(200,
                    posted.body() != null ? posted.body() : render.apply(posted.entry()), false);
            case PostingOutcome.Refused refused -> {
                if (refused.body() == null) {
                    throw refused.reason();
                }
                yield new WalletReply(refused.reason().status().value(), refused.body(), true);
            }
            case PostingOutcome.Replayed replayed -> new WalletReply(replayed.status(), replayed.body(),
                    replayed.status() >= 400);
        };
    }
}
