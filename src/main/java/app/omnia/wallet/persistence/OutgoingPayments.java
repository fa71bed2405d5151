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

    /** What was sent since the start of the day and since the start of the month. */
    public record Sent(long today, long month) {}

    /** {@link #sumSince} for the day and the month in one query: one round trip less per guarded transfer. */
    public Sent sentSince(long accountId, String asset, Instant dayStart, Instant monthStart) {
        Instant from = dayStart.isBefore(monthStart) ? dayStart : monthStart;
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN created_at >= ? THEN amount ELSE 0 END), 0) AS sent_today,
                       COALESCE(SUM(CASE WHEN created_at >= ? THEN amount ELSE 0 END), 0) AS sent_month
                FROM wallet_outgoing WHERE account_id = ? AND asset = ? AND created_at >= ?
                """).params(SqlTime.of(dayStart), SqlTime.of(monthStart), accountId, asset, SqlTime.of(from))
                .query((rs, i) -> new Sent(rs.getLong("sent_today"), rs.getLong("sent_month"))).single();
    }

    /** Forgets a payment that did not happen after all (a withdrawal sent back). */
    public void release(String kind, long refId) {
        jdbc.sql("DELETE FROM wallet_outgoing WHERE kind = ? AND ref_id = ?").params(kind, refId).update();
    }
}
