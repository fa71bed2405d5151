package app.omnia.wallet;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.ratelimit.Limit;
import app.omnia.platform.ratelimit.RateCounter;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.CardDetails;
import app.omnia.wallet.domain.CardPolicy;
import app.omnia.wallet.persistence.Cards;

/**
 * Saving, listing and deleting debit cards. The number and the security code are checked here, handed to
 * the {@link CardNetwork} to vault, and dropped: only the brand, last four digits, expiry and the network's
 * token are stored, and no error message or log line repeats what was typed.
 */
@Service
public class CardService {

    private final Cards cards;
    private final CardNetwork network;
    private final CardSettings settings;
    private final RateCounter counter;
    private final boolean rateLimited;
    private final IdempotencyKeys idempotencyKeys;
    private final IdGenerator ids;
    private final Clock clock;

    CardService(Cards cards, CardNetwork network, CardSettings settings, RateCounter counter,
                OmniaProperties properties, IdempotencyKeys idempotencyKeys, IdGenerator ids, Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.cards = cards;
        this.network = network;
        this.settings = settings;
        this.counter = counter;
        this.rateLimited = properties.rateLimits().enabled();
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Checks, vaults and saves a card. With an {@code Idempotency-Key}, a repeat returns the first card; the
     * key's fingerprint holds only the last four digits and expiry, never the number.
     */
    @Transactional
    public Card add(long accountId, String number, String expMonth, String expYear, String securityCode,
                    String idempotencyKey) {
        countAttempt(accountId);
        CardDetails.Checked checked = CardDetails.check(number, expMonth, expYear, securityCode,
                YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        if (!checked.valid()) {
            throw ApiException.validation(checked.problems().stream()
                    .map(p -> new ApiException.FieldError(p.field(), p.code(), p.message())).toList());
        }
        if (cards.count(accountId) >= settings.maxCards()) {
            throw ApiException.validation("number", "ERR_TOO_MANY",
                    "At most " + settings.maxCards() + " cards can be saved; delete one first");
        }
        CardDetails details = checked.details();
        String fingerprint = "card:" + details.lastFour() + ":" + details.expiry();
        long id = idempotencyKeys.once(accountId, idempotencyKey, fingerprint, () -> {
            CardNetwork.Tokenized vaulted = network.tokenize(details);
            if (vaulted.refused()) {
                throw ApiException.validation(vaulted.refusedField(), vaulted.refusedCode(), vaulted.refusedMessage());
            }
            Card card = new Card(ids.next(), accountId, details.brand().key(), details.lastFour(),
                    details.expiry().getMonthValue(), details.expiry().getYear(), clock.instant());
            cards.insert(card, vaulted.token());
            return card.id();
        });
        return cards.find(id).orElseThrow(ApiException::notFound);
    }

    public List<Card> list(long accountId, PageRequest page) {
        return cards.page(accountId, page);
    }

    /** The viewer's card, or 404 (someone else's card is as missing as one that never existed). */
    public Card get(long viewerId, long cardId) {
        return cards.find(cardId).filter(c -> CardPolicy.canUse(viewerId, c.accountId()))
                .orElseThrow(ApiException::notFound);
    }

    public void delete(long viewerId, long cardId) {
        Card card = get(viewerId, cardId);
        String token = cards.networkToken(card.id()).orElseThrow(ApiException::notFound);
        if (cards.delete(card.id())) {
            network.forget(token);
        }
    }

    /**
     * The network token of the viewer's card, for top-ups and withdrawals; 404 for anyone else's. A card whose
     * expiry month has passed since it was saved is refused here, before anything is recorded or sent to the
     * network (its issuer would decline it anyway, after we had written an operation).
     */
    String tokenOf(long viewerId, long cardId) {
        requireUnexpired(get(viewerId, cardId));
        return cards.networkToken(cardId).orElseThrow(ApiException::notFound);
    }

    /**
     * Refuses a saved card that expired while its payment waited (a large withdrawal's second confirmation);
     * a card deleted meanwhile is left to the payment, which the network then declines as removed.
     */
    void requireUnexpired(long cardId) {
        cards.find(cardId).ifPresent(this::requireUnexpired);
    }

    private void requireUnexpired(Card card) {
        if (YearMonth.of(card.expYear(), card.expMonth()).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw ApiException.validation("card_id", "ERR_EXPIRED", "The card ending " + card.last4()
                    + " expired at the end of " + card.expMonth() + "/" + card.expYear() + "; save a new card");
        }
    }

    /** The token of a card whoever owns it (an operation already authorised); null once the card is deleted. */
    String tokenOfAnyOwner(long cardId) {
        return cards.networkToken(cardId).orElse(null);
    }

    /** Every attempt counts, failed ones included: card testing is a run of failed attempts. */
    private void countAttempt(long accountId) {
        if (!rateLimited) {
            return;
        }
        Limit limit = settings.addsLimit();
        RateCounter.Window window = counter.increment("wallet_card_adds:" + accountId, limit.period());
        if (window.count() > limit.count()) {
            long retryAfter = Math.max(1, (window.remaining().toMillis() + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many cards added, retry in " + retryAfter + " seconds", List.of(),
                    Map.of("retry_after", retryAfter));
        }
    }
}
