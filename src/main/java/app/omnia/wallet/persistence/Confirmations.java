package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Payments waiting for their payer's second confirmation. */
@Repository
public class Confirmations {

    public record Confirmation(long id, long accountId, String kind, String payload, long amount, String asset,
                               String status, Instant createdAt, Instant expiresAt) {}

    private final JdbcClient jdbc;

    public Confirmations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Confirmation c) {
        jdbc.sql("""
                INSERT INTO wallet_confirmations (id, account_id, kind, payload, amount, asset, status, created_at,
                    expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(c.id(), c.accountId(), c.kind(), c.payload(), c.amount(), c.asset(), c.status(),
                SqlTime.of(c.createdAt()), SqlTime.of(c.expiresAt())).update();
    }

    public Optional<Confirmation> find(long id) {
        return jdbc.sql("SELECT * FROM wallet_confirmations WHERE id = ?").param(id)
                .query((rs, i) -> new Confirmation(rs.getLong("id"), rs.getLong("account_id"), rs.getString("kind"),
                        rs.getString("payload"), rs.getLong("amount"), rs.getString("asset"), rs.getString("status"),
                        SqlTime.read(rs, "created_at"), SqlTime.read(rs, "expires_at")))
                .optional();
    }

    /** Moves a pending confirmation to {@code status}; false when it was no longer pending (used twice). */
    public boolean close(long id, String status) {
        return jdbc.sql("UPDATE wallet_confirmations SET status = ? WHERE id = ? AND status = 'pending'")
                .params(status, id).update() == 1;
    }
}
