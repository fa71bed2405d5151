package app.omnia.wallet.persistence;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Money sent out, per account and asset, summed over a window for the spending limits. */
@Repository
public class OutgoingPayments {

    private final JdbcClient jdbc;

    public OutgoingPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long id, long accountId, String asset, long amount, String kind, long refId, Instant at) {
        jdbc.sql("""
                INSERT INTO wallet_outgoing (id, account_id, asset, amount, kind, ref_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(id, accountId, asset, amount, kind, refId, SqlTime.of(at)).update();
    }

    public long sumSince(long accountId, String asset, Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM wallet_outgoing
                WHERE account_id = ? AND asset = ? AND created_at >= ?
                """).params(accountId, asset, SqlTime.of(since)).query(Long.class).single();
    }

    /** Forgets a payment that did not happen after all (a withdrawal sent back). */
    public void release(String kind, long refId) {
        jdbc.sql("DELETE FROM wallet_outgoing WHERE kind = ? AND ref_id = ?").params(kind, refId).update();
    }
}
