package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.persistence.SqlTime;

/** Money sent out, per account and asset, summed over a window for the spending limits. */
@Repository
public class OutgoingPayments {

    /** One payment out, counted against its account's caps. */
    public record Payment(long id, long accountId, String asset, long amount, String kind, long refId, Instant at) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;

    public OutgoingPayments(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /** Records the payments: on PostgreSQL with one statement over arrays, elsewhere with one JDBC batch. */
    public void recordAll(List<Payment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            jdbc.sql("""
                    INSERT INTO wallet_outgoing (id, account_id, asset, amount, kind, ref_id, created_at)
                    SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[],
                                         ?::timestamptz[])""")
                    .params(payments.stream().map(Payment::id).toArray(Long[]::new),
                            payments.stream().map(Payment::accountId).toArray(Long[]::new),
                            payments.stream().map(Payment::asset).toArray(String[]::new),
                            payments.stream().map(Payment::amount).toArray(Long[]::new),
                            payments.stream().map(Payment::kind).toArray(String[]::new),
                            payments.stream().map(Payment::refId).toArray(Long[]::new),
                            payments.stream().map(p -> SqlTime.of(p.at()).toString()).toArray(String[]::new))
                    .update();
            return;
        }
        template.batchUpdate("""
                INSERT INTO wallet_outgoing (id, account_id, asset, amount, kind, ref_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, payments.stream().map(p -> new Object[] {p.id(), p.accountId(), p.asset(), p.amount(), p.kind(),
                p.refId(), SqlTime.of(p.at())}).toList());
    }

    public long sumSince(long accountId, String asset, Instant since) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount), 0) FROM wallet_outgoing
                WHERE account_id = ? AND asset = ? AND created_at >= ?
                """).params(accountId, asset, SqlTime.of(since)).query(Long.class).single();
    }

    /** What was sent since the start of the day and since the start of the month. */
    public record Sent(long today, long month) {}

    /**
     * {@link #sumSince} for the day and the month, for several accounts, in one query: per account, per asset
     * (a pair that sent nothing is absent).
     */
    public Map<Long, Map<String, Sent>> sentSince(Collection<Long> accountIds, Instant dayStart, Instant monthStart) {
        Map<Long, Map<String, Sent>> sent = new HashMap<>();
        if (accountIds.isEmpty()) {
            return sent;
        }
        Instant from = dayStart.isBefore(monthStart) ? dayStart : monthStart;
        jdbc.sql("""
                SELECT account_id, asset,
                       COALESCE(SUM(CASE WHEN created_at >= :day THEN amount ELSE 0 END), 0) AS sent_today,
                       COALESCE(SUM(CASE WHEN created_at >= :month THEN amount ELSE 0 END), 0) AS sent_month
                FROM wallet_outgoing WHERE %s AND created_at >= :from
                GROUP BY account_id, asset
                """.formatted(dialect.anyOf("account_id", "ids")))
                .param("day", SqlTime.of(dayStart)).param("month", SqlTime.of(monthStart))
                .param("ids", dialect.ids(accountIds))
                .param("from", SqlTime.of(from))
                .query(rs -> {
                    sent.computeIfAbsent(rs.getLong("account_id"), k -> new HashMap<>())
                            .put(rs.getString("asset"), new Sent(rs.getLong("sent_today"), rs.getLong("sent_month")));
                });
        return sent;
    }

    /** Forgets a payment that did not happen after all (a withdrawal sent back). */
    public void release(String kind, long refId) {
        jdbc.sql("DELETE FROM wallet_outgoing WHERE kind = ? AND ref_id = ?").params(kind, refId).update();
    }
}
