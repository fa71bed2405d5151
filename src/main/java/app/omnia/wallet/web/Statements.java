package app.omnia.wallet.web;

import java.util.List;
import java.util.Map;

import app.omnia.wallet.domain.Csv;

/**
 * A page of the history as CSV rows: the viewer's side of each entry, the signed change to their balance.
 * The counterparty is a username (no leading {@code @}, which spreadsheets would neutralise) or
 * {@code system:<name>}.
 */
final class Statements {

    static final List<String> HEADER = List.of("id", "created_at", "kind", "direction", "counterparty", "asset",
            "amount", "note");

    private Statements() {
    }

    @SuppressWarnings("unchecked")
    static String csv(List<Map<String, Object>> entries) {
        StringBuilder out = new StringBuilder(Csv.row(HEADER));
        for (Map<String, Object> e : entries) {
            boolean sent = "sent".equals(e.get("direction"));
            Map<String, Object> other = (Map<String, Object>) e.get(sent ? "to" : "from");
            String counterparty = "account".equals(other.get("type")) ? String.valueOf(other.get("username"))
                    : "system:" + other.get("name");
            out.append(Csv.row(List.of(e.get("id"), e.get("created_at"), e.get("kind"), e.get("direction"),
                    counterparty, e.get("asset"), new Csv.Num((String) e.get("balance_change")), e.get("note"))));
        }
        return out.toString();
    }
}
