package app.omnia.identity.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.identity.VerificationKind;
import app.omnia.platform.persistence.SqlTime;

/** Verification kinds granted to accounts by admins. */
@Repository
public class Verifications {

    public record Granted(VerificationKind kind, long grantedBy, Instant grantedAt) {}

    private final JdbcClient jdbc;
    private final AccountProfileCache cache;

    public Verifications(JdbcClient jdbc, AccountProfileCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Returns false when the account already had this kind. */
    public boolean grant(long accountId, VerificationKind kind, long grantedBy, Instant at) {
        cache.invalidate(accountId);
        int changed = jdbc.sql("""
                INSERT INTO account_verifications (account_id, kind, granted_by, granted_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(accountId, kind.key(), grantedBy, SqlTime.of(at)).update();
        return changed > 0;
    }

    /** Returns false when the account did not have this kind. */
    public boolean revoke(long accountId, VerificationKind kind) {
        cache.invalidate(accountId);
        return jdbc.sql("DELETE FROM account_verifications WHERE account_id = ? AND kind = ?")
                .params(accountId, kind.key()).update() > 0;
    }

    public List<Granted> list(long accountId) {
        return listFor(List.of(accountId)).getOrDefault(accountId, List.of());
    }

    public Map<Long, List<Granted>> listFor(Collection<Long> accountIds) {
        Map<Long, List<Granted>> byAccount = new LinkedHashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        jdbc.sql("""
                SELECT account_id, kind, granted_by, granted_at FROM account_verifications
                WHERE account_id IN (:ids) ORDER BY granted_at
                """)
                .param("ids", accountIds)
                .query(rs -> {
                    VerificationKind kind = VerificationKind.fromKey(rs.getString("kind")).orElseThrow();
                    byAccount.computeIfAbsent(rs.getLong("account_id"), k -> new java.util.ArrayList<>())
                            .add(new Granted(kind, rs.getLong("granted_by"), SqlTime.read(rs, "granted_at")));
                });
        return byAccount;
    }
}
