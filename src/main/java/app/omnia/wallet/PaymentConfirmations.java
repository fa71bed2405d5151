package app.omnia.wallet;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.web.ApiException;
import app.omnia.wallet.persistence.Confirmations;
import app.omnia.wallet.persistence.Confirmations.Confirmation;

/**
 * Second confirmations: a payment above its asset's {@code confirmation-above} ({@link SpendingLimits}) first answers
 * {@code requires_confirmation} with a confirmation id, and happens only when its payer confirms that id
 * ({@code POST /api/omnia/v1/wallet/confirmations/:id/confirm}) before it expires.
 */
@Service
public class PaymentConfirmations {

    /** What a confirmation completed: the kind of payment and its id (operation, charge or ledger entry). */
    public record Confirmed(long confirmationId, String kind, long refId) {}

    private final Confirmations confirmations;
    private final ObjectProvider<ConfirmationHandler> handlers;
    private final SpendingLimits limits;
    private final IdGenerator ids;
    private final Clock clock;

    // A provider, read on use: the handlers (withdrawals, charges) themselves open confirmations here.
    PaymentConfirmations(Confirmations confirmations, ObjectProvider<ConfirmationHandler> handlers,
                         SpendingLimits limits, IdGenerator ids, Clock clock) {
        this.confirmations = confirmations;
        this.handlers = handlers;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    /** Opens a confirmation for a payment that waits; its id goes back to the payer. */
    long open(long accountId, String kind, long refId, long amount, String asset) {
        return open(accountId, kind, String.valueOf(refId), amount, asset);
    }

    /** @param payload what the handler needs to carry the payment out (ids, a note; never a secret) */
    long open(long accountId, String kind, String payload, long amount, String asset) {
        long id = ids.next();
        confirmations.insert(new Confirmation(id, accountId, kind, payload, amount, asset, "pending",
                clock.instant(), clock.instant().plus(limits.confirmationTtl())));
        return id;
    }

    /** Closes a pending confirmation inside the payment's own transaction; false when it was already closed. */
    boolean claim(long id) {
        return confirmations.close(id, "confirmed");
    }

    /** The payer's own pending confirmation, or 404. */
    public Confirmed confirm(long viewerId, long id) {
        Confirmation c = pending(viewerId, id);
        long refId = handler(c.kind()).complete(c);
        confirmations.close(id, "confirmed");
        return new Confirmed(id, c.kind(), refId);
    }

    public Confirmed cancel(long viewerId, long id) {
        Confirmation c = pending(viewerId, id);
        if (confirmations.close(id, "cancelled")) {
            handler(c.kind()).abandon(c);
        }
        return new Confirmed(id, c.kind(), 0);
    }

    private Confirmation pending(long viewerId, long id) {
        Confirmation c = confirmations.find(id).filter(found -> found.accountId() == viewerId)
                .orElseThrow(ApiException::notFound);
        if (!"pending".equals(c.status())) {
            throw ApiException.unprocessable("This confirmation was already " + c.status());
        }
        if (clock.instant().isAfter(c.expiresAt())) {
            if (confirmations.close(id, "expired")) {
                handler(c.kind()).abandon(c);
            }
            throw ApiException.unprocessable("This confirmation has expired; start the payment again");
        }
        return c;
    }

    private ConfirmationHandler handler(String kind) {
        return handlers.stream().filter(h -> h.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for confirmations of kind " + kind));
    }
}
