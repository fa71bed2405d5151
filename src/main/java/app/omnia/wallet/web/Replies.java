package app.omnia.wallet.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import app.omnia.wallet.WalletReply;

/** Sends a stored-or-first money response as is, so that an Idempotency-Key replay is the same bytes. */
final class Replies {

    private Replies() {
    }

    static ResponseEntity<String> send(WalletReply reply) {
        return ResponseEntity.status(reply.status())
                .contentType(reply.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(reply.body());
    }
}
