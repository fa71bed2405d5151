package app.omnia.wallet.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.omnia.platform.web.JsonTime;
import app.omnia.wallet.Card;

/** JSON of cards: what may be shown, nothing more (no number, no token, no security code). */
final class CardJsons {

    private CardJsons() {
    }

    static Map<String, Object> card(Card card) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(card.id()));
        json.put("brand", card.brand());
        json.put("last4", card.last4());
        json.put("exp_month", card.expMonth());
        json.put("exp_year", card.expYear());
        json.put("created_at", JsonTime.of(card.createdAt()));
        return json;
    }
}
