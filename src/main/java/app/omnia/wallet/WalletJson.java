package app.omnia.wallet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.identity.AccountService;
import app.omnia.platform.web.JsonTime;
import app.omnia.wallet.domain.MoneyRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet's JSON, seen by one viewer. Money is {@code amount} (a decimal string in the asset's major unit,
 * exact) plus {@code amount_minor} (the integer of minor units the ledger keeps); ids are strings.
 */
@Component
public class WalletJson {

    private final AccountService accounts;
    private final JsonMapper json;
    private final Assets assets;

    WalletJson(AccountService accounts, JsonMapper json, Assets assets) {
        this.accounts = accounts;
        this.json = json;
        this.assets = assets;
    }

    public List<Map<String, Object>> entries(long viewerId, List<LedgerEntry> entries) {
        Map<Long, String> names = new HashMap<>();
        return entries.stream().map(e -> entry(viewerId, e, names)).toList();
    }

    public Map<String, Object> entry(long viewerId, LedgerEntry e) {
        return entry(viewerId, e, new HashMap<>());
    }

    String entryText(long viewerId, LedgerEntry e) {
        return json.writeValueAsString(entry(viewerId, e));
    }

    /** {@link #entryText} with usernames read beforehand ({@link #usernames}); others are read as needed. */
    String entryText(long viewerId, LedgerEntry e, Map<Long, String> knownUsernames) {
        return json.writeValueAsString(entry(viewerId, e, new HashMap<>(knownUsernames)));
    }

    /**
     * The usernames of these accounts (nulls skipped), for {@link #entryText(long, LedgerEntry, Map)}: read on
     * the request's thread, the ledger writer renders a stored response body without a query of its own.
     */
    Map<Long, String> usernames(Long... ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : ids) {
            if (id != null && !names.containsKey(id)) {
                String name = username(id);
                if (name != null) {
                    names.put(id, name);
                }
            }
        }
        return Map.copyOf(names);
    }

    private Map<String, Object> entry(long viewerId, LedgerEntry e, Map<Long, String> names) {
        Asset asset = assets.of(e.asset());
        long change = e.lines().stream().filter(l -> l.ownerId() != null && l.ownerId() == viewerId)
                .mapToLong(LedgerEntry.Line::amount).sum();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", String.valueOf(e.id()));
        map.put("kind", e.kind());
        map.put("direction", change < 0 ? "sent" : "received");
        map.put("asset", e.asset());
        map.put("amount", asset.format(e.amount()));
        map.put("amount_minor", e.amount());
        map.put("balance_change", asset.format(change));
        map.put("from", party(e.payerId(), e, false, names));
        map.put("to", party(e.payeeId(), e, true, names));
        map.put("note", e.note());
        map.put("created_at", JsonTime.of(e.createdAt()));
        return map;
    }

    /** A user side, or the first system line on that side (credit lines for "to", debit lines for "from"). */
    private Map<String, Object> party(Long userId, LedgerEntry e, boolean credit, Map<Long, String> names) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (userId != null) {
            map.put("type", "account");
            map.put("id", String.valueOf(userId));
            map.put("username", names.computeIfAbsent(userId, this::username));
            return map;
        }
        map.put("type", "system");
        map.put("name", e.lines().stream().filter(l -> l.systemName() != null && (l.amount() > 0) == credit)
                .map(LedgerEntry.Line::systemName).findFirst().orElse(null));
        return map;
    }

    public Map<String, Object> request(MoneyRequest r) {
        Asset asset = assets.of(r.asset());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", String.valueOf(r.id()));
        map.put("state", r.state().key());
        map.put("requester", account(r.requesterId()));
        map.put("payer", account(r.payerId()));
        map.put("asset", r.asset());
        map.put("amount", asset.format(r.amount()));
        map.put("amount_minor", r.amount());
        map.put("note", r.note());
        map.put("transaction_id", r.entryId() == null ? null : String.valueOf(r.entryId()));
        map.put("created_at", JsonTime.of(r.createdAt()));
        map.put("resolved_at", JsonTime.of(r.resolvedAt()));
        return map;
    }

    String requestText(MoneyRequest r) {
        return json.writeValueAsString(request(r));
    }

    private Map<String, Object> account(long id) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", String.valueOf(id));
        map.put("username", username(id));
        return map;
    }

    /** From the accounts cache: a username never changes. */
    private String username(long id) {
        return accounts.cachedAccount(id).map(a -> a.username()).orElse(null);
    }
}
