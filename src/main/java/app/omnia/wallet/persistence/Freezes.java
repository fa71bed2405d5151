package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Optional;

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

    public Freezes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the account's control row until the transaction ends (creating it on first use); its freeze, if any. */
    public Optional<Freeze> lock(long accountId) {
        jdbc.sql("INSERT INTO wallet_controls (account_id) VALUES (?) ON CONFLICT DO NOTHING").param(accountId).update();
        return jdbc.sql("SELECT frozen_at, frozen_by, frozen_reason FROM wallet_controls WHERE account_id = ? FOR UPDATE")
                .param(accountId).query((rs, i) -> freeze(rs)).single();
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
