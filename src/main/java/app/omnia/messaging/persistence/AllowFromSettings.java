package app.omnia.messaging.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.AllowFrom;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Each account's own chat settings: "who may message me" (no row: everyone) and read receipts (no row: on). */
@Repository
public class AllowFromSettings {

    private final JdbcClient jdbc;

    public AllowFromSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AllowFrom of(long accountId) {
        return of(java.util.List.of(accountId)).get(accountId);
    }

    /** The setting of each account given (everyone for those that never chose). */
    public Map<Long, AllowFrom> of(Collection<Long> accountIds) {
        Map<Long, AllowFrom> found = new HashMap<>();
        accountIds.forEach(id -> found.put(id, AllowFrom.EVERYONE));
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, allow_from FROM chat_settings WHERE account_id IN (:a)")
                    .param("a", accountIds)
                    .query((rs, i) -> found.put(rs.getLong("account_id"),
                            AllowFrom.valueOf(rs.getString("allow_from").toUpperCase(Locale.ROOT)))).list();
        }
        return found;
    }

    public void set(long accountId, AllowFrom allowFrom) {
        String value = allowFrom.name().toLowerCase(Locale.ROOT);
        if (jdbc.sql("UPDATE chat_settings SET allow_from = ? WHERE account_id = ?").params(value, accountId).update() == 0) {
            jdbc.sql("INSERT INTO chat_settings (account_id, allow_from) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(accountId, value).update();
        }
    }

    /** Whether each account shares (and sees) delivered and read receipts; true for those that never chose. */
    public Map<Long, Boolean> receipts(Collection<Long> accountIds) {
        Map<Long, Boolean> found = new HashMap<>();
        accountIds.forEach(id -> found.put(id, true));
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, receipts FROM chat_settings WHERE account_id IN (:a)")
                    .param("a", accountIds)
                    .query((rs, i) -> found.put(rs.getLong("account_id"), rs.getBoolean("receipts"))).list();
        }
        return found;
    }

    public boolean receipts(long accountId) {
        return receipts(java.util.List.of(accountId)).get(accountId);
    }

    public void setReceipts(long accountId, boolean on) {
        if (jdbc.sql("UPDATE chat_settings SET receipts = ? WHERE account_id = ?").params(on, accountId).update() == 0) {
            jdbc.sql("INSERT INTO chat_settings (account_id, allow_from, receipts) VALUES (?, 'everyone', ?) ON CONFLICT DO NOTHING")
                    .params(accountId, on).update();
        }
    }
}
