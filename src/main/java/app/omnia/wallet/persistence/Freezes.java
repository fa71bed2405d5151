package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.persistence.SqlTime;

/**
 * The per-account control row ({@code wallet_controls}): whether the wallet is frozen. A freeze and a payment
 * are ordered by the person's wallet account rows: the ledger writer reads freezes while holding the row locks
 * of the accounts it debits, and {@link #freeze} takes the same locks first, so a payment is judged wholly
 * before a freeze or wholly after it.
 */
@Repository
public class Freezes {

    public record Freeze(Instant frozenAt, Long frozenBy, String reason) {}

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    public Freezes(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The accounts among these whose wallet is frozen, in one query (the caller holds their wallet accounts' locks). */
    public Set<Long> frozenAmong(Collection<Long> accountIds) {
        return new HashSet<>(jdbc.sql("SELECT account_id FROM wallet_controls WHERE "
                        + dialect.anyOf("account_id", "ids") + " AND frozen_at IS NOT NULL")
                .param("ids", dialect.ids(accountIds)).query(Long.class).list());
    }

    public Optional<Freeze> find(long accountId) {
        return jdbc.sql("SELECT frozen_at, frozen_by, frozen_reason FROM wallet_controls WHERE account_id = ?")
                .param(accountId).query((rs, i) -> freeze(rs)).optional().flatMap(f -> f);
    }

    /** Freezes; false when it was already frozen (the first reason stays). */
    /** @param by the staff member who froze it; null when the system did (a reversed top-up left money owed) */
    public boolean freeze(long accountId, Long by, String reason, Instant at) {
        // Waits for a ledger batch debiting this person to commit, and holds the next one off until this commits.
        jdbc.sql("SELECT id FROM wallet_accounts WHERE owner_id = ? ORDER BY id FOR UPDATE").param(accountId)
                .query(Long.class).list();
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
