package app.omnia.wallet;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.Amounts;
import app.omnia.wallet.domain.MoneyRequest;
import app.omnia.wallet.domain.WalletPolicy;
import app.omnia.wallet.persistence.MoneyRequests;

/**
 * Money requests: someone asks a payer for an amount; the payer pays it (a transfer through the same path as
 * any other, whose guard marks the request paid in the entry's own transaction, so it is paid at most once)
 * or declines; the requester may cancel while it is pending. A request someone is not party to is a 404.
 */
@Service
public class MoneyRequestService {

    /** Internal: a request changed (created, paid, declined, cancelled); streamed after commit. */
    record Changed(long requestId) {}

    private final MoneyRequests requests;
    private final Recipients recipients;
    private final LedgerService ledger;
    private final TransferService transfers;
    private final TransferConfirmations confirmations;
    private final WalletControls controls;
    private final WalletJson json;
    private final WalletSettings settings;
    private final IdempotencyKeys idempotency;
    private final ApplicationEventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;

    MoneyRequestService(MoneyRequests requests, Recipients recipients, LedgerService ledger, TransferService transfers,
                        TransferConfirmations confirmations, WalletControls controls, WalletJson json,
                        WalletSettings settings, IdempotencyKeys idempotency, ApplicationEventPublisher events,
                        IdGenerator ids, Clock clock) {
        this.requests = requests;
        this.recipients = recipients;
        this.ledger = ledger;
        this.transfers = transfers;
        this.confirmations = confirmations;
        this.controls = controls;
        this.json = json;
        this.settings = settings;
        this.idempotency = idempotency;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** Asks {@code payer} ({@code @username} or id) for money; Idempotency-Key makes a retry return the first request. */
    @Transactional
    public MoneyRequest ask(long me, String payer, String amountText, String assetCode, String noteText, String key) {
        Asset asset = ledger.requireEnabled(assetCode == null || assetCode.isBlank() ? settings.defaultAsset() : assetCode);
        long amount = Amounts.parse("amount", amountText, asset);
        String note = Amounts.note(noteText, settings.maxNoteCharacters());
        long payerId = recipients.require(me, payer, "payer");
        String fingerprint = "request|" + payer + "|" + amountText + "|" + assetCode + "|" + noteText;
        long id = idempotency.once(me, key, fingerprint, () -> {
            MoneyRequest created = new MoneyRequest(ids.next(), me, payerId, asset.code(), amount, note,
                    MoneyRequest.State.PENDING, null, clock.instant(), null);
            requests.insert(created);
            events.publishEvent(new Changed(created.id()));
            return created.id();
        });
        return visible(me, id);
    }

    public MoneyRequest get(long me, long id) {
        return visible(me, id);
    }

    /** {@code incoming}: requests others sent me (to pay); else the ones I sent. */
    public List<MoneyRequest> list(long me, boolean incoming, MoneyRequest.State state, PageRequest page) {
        return requests.page(me, incoming, state, page);
    }

    /**
     * The payer pays: a transfer to the requester whose guard moves the request from pending to paid in the
     * same transaction, so two approvals (or an approval racing a cancel) cannot both win. Above its asset's
     * {@code confirmation-above} it answers 202 {@code requires_confirmation} instead, as a
     * large send does, and pays when the payer confirms ({@link MoneyRequestConfirmations}).
     */
    public WalletReply approve(long me, long id, String key, String path) {
        String fingerprint = "approve|" + id;
        var replay = ledger.replay(me, key, fingerprint);
        if (replay.isPresent()) {
            return WalletReply.of(replay.get(), e -> json.entryText(me, e));
        }
        MoneyRequest request = payable(me, id);
        if (controls.needsSecondConfirmation(request.amount(), request.asset())) {
            return confirmations.await(me, MoneyRequestConfirmations.KIND, String.valueOf(id), request.amount(),
                    request.asset(), key, fingerprint);
        }
        return transfers.post(me, payment(request), key, fingerprint, path);
    }

    /** Pays a request its payer confirmed (the second confirmation of a large one): the entry's id. */
    long payConfirmed(long me, long id) {
        return ledger.postOrThrow(controls.guarded(payment(payable(me, id)))).id();
    }

    /** The request, if {@code me} is its payer and it is still pending and not between blocked people. */
    private MoneyRequest payable(long me, long id) {
        MoneyRequest request = visible(me, id);
        if (request.payerId() != me) {
            throw ApiException.forbidden("Only the payer may pay a money request");
        }
        if (!request.pending()) {
            throw notPending(request);
        }
        recipients.requireNotBlocked(me, request.requesterId(), "id");
        return request;
    }

    /** The transfer that pays the request; its guard marks the request paid, or refuses if it no longer is pending. */
    private Posting payment(MoneyRequest request) {
        long id = request.id();
        return Posting.between("transfer", request.asset(), Party.user(request.payerId()),
                Party.user(request.requesterId()), request.amount(), request.payerId(), request.note())
                .withGuard(entryId -> {
                    if (!requests.resolve(id, MoneyRequest.State.PAID, entryId, clock.instant())) {
                        throw ApiException.conflict("This money request is no longer pending");
                    }
                    events.publishEvent(new Changed(id));
                });
    }

    @Transactional
    public MoneyRequest decline(long me, long id) {
        MoneyRequest request = visible(me, id);
        if (request.payerId() != me) {
            throw ApiException.forbidden("Only the payer may decline a money request");
        }
        return resolve(me, request, MoneyRequest.State.DECLINED, WalletPolicy.canAnswer(me, request));
    }

    @Transactional
    public MoneyRequest cancel(long me, long id) {
        MoneyRequest request = visible(me, id);
        if (request.requesterId() != me) {
            throw ApiException.forbidden("Only the requester may cancel a money request");
        }
        return resolve(me, request, MoneyRequest.State.CANCELLED, WalletPolicy.canCancel(me, request));
    }

    private MoneyRequest resolve(long me, MoneyRequest request, MoneyRequest.State to, boolean allowed) {
        if (!allowed || !requests.resolve(request.id(), to, null, clock.instant())) {
            throw notPending(requests.find(request.id()).orElse(request));
        }
        events.publishEvent(new Changed(request.id()));
        return visible(me, request.id());
    }

    private MoneyRequest visible(long me, long id) {
        return requests.find(id).filter(r -> WalletPolicy.canSee(me, r)).orElseThrow(ApiException::notFound);
    }

    private static ApiException notPending(MoneyRequest request) {
        return ApiException.conflict("This money request is " + request.state().key() + ", no longer pending");
    }
}
