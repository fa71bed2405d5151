package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.wallet.WalletScopes;
import app.omnia.wallet.Card;
import app.omnia.wallet.CardService;

/** Saved debit cards, under {@code /api/omnia/v1/wallet/cards}. */
@RestController
@RequestMapping("/api/omnia/v1/wallet/cards")
class CardsController {

    private final CardService cards;

    CardsController(CardService cards) {
        this.cards = cards;
    }

    /** {@code number}, {@code exp_month}, {@code exp_year}, {@code cvc}: answers the card as it will be shown. */
    @PostMapping
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> add(Params params, @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        Card card = cards.add(CurrentViewer.requireAccountId(), params.string("number").orElse(null),
                params.string("exp_month").orElse(null), params.string("exp_year").orElse(null),
                params.string("cvc").orElse(null), key);
        return CardJsons.card(card);
    }

    @GetMapping
    @RequiresScope(WalletScopes.READ)
    List<Map<String, Object>> list(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<Card> found = cards.list(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(Card::id).toList(), page.limit());
        return found.stream().map(CardJsons::card).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope(WalletScopes.READ)
    Map<String, Object> one(@PathVariable String id) {
        return CardJsons.card(cards.get(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @DeleteMapping("/{id}")
    @RequiresScope(WalletScopes.WRITE)
    Map<String, Object> delete(@PathVariable String id) {
        cards.delete(CurrentViewer.requireAccountId(), PathIds.parse(id));
        return Map.of();
    }
}
