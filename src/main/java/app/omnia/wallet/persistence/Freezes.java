package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/**
 * The per-account control row ({@code wallet_controls}): whether the wallet is frozen, and the row a payment
 * locks while it checks the account's limits, so that concurrent payments are checked one after the other.
 */
@Repository
public class Freezes {

    public record Freeze(Instant frozenAt, Long frozenBy, String reason) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public Freezes(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Locks the accounts' control rows until the transaction ends, creating the missing ones, and returns each
     * account's freeze, if any (every given account is a key). Usually one round trip: the rows exist after an
     * account's first payment. The existing rows are locked in id order, so two writers never wait for each
     * other in a circle over them (two writers both creating rows for the same new accounts could; the database
     * then fails one batch, which the writer retries posting by posting).
     */
    public Map<Long, Optional<Freeze>> lockAll(Collection<Long> accountIds) {
        Map<Long, Optional<Freeze>> freezes = lockExisting(accountIds);
        List<Long> missing = accountIds.stream().filter(id -> !freezes.containsKey(id)).sorted().distinct().toList();
        if (!missing.isEmpty()) {
            template.batchUpdate("INSERT INTO wallet_controls (account_id) VALUES (?) ON CONFLICT DO NOTHING",
                    missing.stream().map(id -> new Object[] {id}).toList());
            // A racing twin may have created (even frozen) some of them meanwhile: read what is there now.
            freezes.putAll(lockExisting(missing));
        }
        return freezes;
    }

    private Map<Long, Optional<Freeze>> lockExisting(Collection<Long> accountIds) {
        Map<Long, Optional<Freeze>> freezes = new HashMap<>();
        jdbc.sql("""
                SELECT account_id, frozen_at, frozen_by, frozen_reason FROM wallet_controls
                WHERE account_id IN (:ids) ORDER BY account_id FOR UPDATE""")
                .param("ids", accountIds)
                .query(rs -> {
                    freezes.put(rs.getLong("account_id"), freeze(rs));
                });
        return freezes;
    }

    public Optional<Freeze> find(long accountId) {
        return jdbc.sql("SELECT frozen_at, frozen_by, frozen_reason FROM wallet_controls WHERE account_id = ?")
                .param(accountId).query((rs, i) -> freeze(rs)).optional().flatMap(f -> f);
    }

    /** Freezes; false when it was already frozen (the first reason stays). */
    public boolean freeze(long accountId, long by, String reason, Instant at) {
        jdbc.sql("INSERT INTO wallet_controls (account_id) VALUES (?) ON CONFLICT DO NOTHING").param(accountId).update();
        return jdbc.sql("""
                UPDATE wallet_controls SET frozen_at = ?, frozen_by = ?, frozen_reason = ?
                WHERE account_id = ? AND frozen_at IS NULL
                """).params(SqlTime.of(at), by, reason, accountId).update() == 1;
    }

    /** Unfreezes; false when it was not frozen. */
    public boolean unfreeze(long accountId) {
        return jdbc.sql("""
                UPDATE wallet_controls SET frozen_at = NULL, frozen_by = NULL, frozen_reason = NULL
                WHERE account_id = ? AND frozen_at IS NOT NULL
                """).param(accountId).update() == 1;
    }

    private static Optional<Freeze> freeze(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant at = SqlTime.read(rs, "frozen_at");
        return at == null ? Optional.empty()
                : Optional.of(new Freeze(at, rs.getObject("frozen_by", Long.class), rs.getString("frozen_reason")));
    }
}
