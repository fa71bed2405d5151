package app.omnia.identity.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.identity.domain.ProfileField;

/** Profile metadata fields ("name: value" pairs shown on a profile), in order. */
@Repository
public class AccountFields {

    private final JdbcClient jdbc;
    private final AccountProfileCache cache;

    public AccountFields(JdbcClient jdbc, AccountProfileCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public List<ProfileField> list(long accountId) {
        return jdbc.sql("SELECT field_name, field_value FROM account_fields WHERE account_id = ? ORDER BY position")
                .param(accountId)
                .query((rs, i) -> new ProfileField(rs.getString("field_name"), rs.getString("field_value")))
                .list();
    }

    public Map<Long, List<ProfileField>> listFor(Collection<Long> accountIds) {
        Map<Long, List<ProfileField>> byAccount = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        jdbc.sql("SELECT account_id, field_name, field_value FROM account_fields WHERE account_id IN (:ids) ORDER BY position")
                .param("ids", accountIds)
                .query(rs -> {
                    byAccount.computeIfAbsent(rs.getLong("account_id"), k -> new java.util.ArrayList<>())
                            .add(new ProfileField(rs.getString("field_name"), rs.getString("field_value")));
                });
        return byAccount;
    }

    public void replace(long accountId, List<ProfileField> fields) {
        cache.invalidate(accountId);
        jdbc.sql("DELETE FROM account_fields WHERE account_id = ?").param(accountId).update();
        for (int i = 0; i < fields.size(); i++) {
            jdbc.sql("INSERT INTO account_fields (account_id, position, field_name, field_value) VALUES (?, ?, ?, ?)")
                    .params(accountId, i, fields.get(i).name(), fields.get(i).value())
                    .update();
        }
    }
}
