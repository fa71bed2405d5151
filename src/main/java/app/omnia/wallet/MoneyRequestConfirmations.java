package app.omnia.wallet;

import org.springframework.stereotype.Component;

import app.omnia.wallet.persistence.Confirmations.Confirmation;

/**
 * Pays a large money request once its payer confirmed the approval. It pays at most once without claiming the
 * confirmation in the posting: the payment's own guard moves the request from pending to paid, so a second
 * confirm (or a second confirmation of the same request) is refused with 409 and moves nothing.
 */
@Component
class MoneyRequestConfirmations implements ConfirmationHandler {

    static final String KIND = "money_request";

    private final MoneyRequestService requests;

    MoneyRequestConfirmations(MoneyRequestService requests) {
        this.requests = requests;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long complete(Confirmation confirmation) {
        return requests.payConfirmed(confirmation.accountId(), Long.parseLong(confirmation.payload()));
    }

    @Override
    public void abandon(Confirmation confirmation) {
        // Nothing was posted, and the request stays pending: the payer may approve (or decline) it again.
    }
}
