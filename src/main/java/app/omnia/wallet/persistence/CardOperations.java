package app.omnia.wallet.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.CardOperation;

/**
 * Top-ups and withdrawals. Every status change is {@code UPDATE ... WHERE status IN (expected)}: whoever
 * changes the row first wins (the request, the job, another server copy), the others change nothing.
 */
@Repository
public class CardOperations {

    private final JdbcClient jdbc;

    public CardOperations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CardOperation op) {
        jdbc.sql("""
                INSERT INTO wallet_card_operations (id, account_id, card_id, kind, amount, asset, status, created_at,
                    updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(op.id(), op.accountId(), op.cardId(), op.kind(), op.amount(), op.asset(), op.status(),
                SqlTime.of(op.createdAt()), SqlTime.of(op.updatedAt())).update();
    }

    public Optional<CardOperation> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(CardOperations::operation).optional();
    }

    public List<CardOperation> page(long accountId, String kind, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        params.put("kind", kind);
        String sql = SqlPaging.apply(SELECT + " WHERE o.account_id = :account AND o.kind = :kind", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(CardOperations::operation).list(), page);
    }

    /** Operations of a kind in one of these statuses, last changed before {@code before}, oldest first. */
    public List<CardOperation> due(String kind, List<String> statuses, Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE o.kind = :kind AND o.status IN (:statuses) AND o.updated_at < :before"
                        + " ORDER BY o.id LIMIT :limit")
                .param("kind", kind).param("statuses", statuses).param("before", SqlTime.of(before))
                .param("limit", limit).query(CardOperations::operation).list();
    }

    /** Succeeded top-ups the network has not been seen to settle yet. */
    public List<CardOperation> unsettled(Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE o.kind = 'topup' AND o.status = 'succeeded' AND o.settled_at IS NULL"
                        + " AND o.updated_at < ? ORDER BY o.id LIMIT ?")
                .params(SqlTime.of(before), limit).query(CardOperations::operation).list();
    }

    /** Moves an operation on; false when it was not in one of {@code from} any more. */
    public boolean move(long id, List<String> from, String to, String failureCode, Long entryId, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("from", from);
        params.put("to", to);
        params.put("failure", failureCode);
        params.put("entry", entryId);
        params.put("at", SqlTime.of(at));
        return jdbc.sql("""
                UPDATE wallet_card_operations SET status = :to, failure_code = COALESCE(:failure, failure_code),
                    entry_id = COALESCE(:entry, entry_id), updated_at = :at
                WHERE id = :id AND status IN (:from)
                """).params(params).update() == 1;
    }

    public boolean challenge(long id, String challengeId, Instant at) {
        return jdbc.sql("""
                UPDATE wallet_card_operations SET status = 'requires_action', challenge_id = ?, updated_at = ?
                WHERE id = ? AND status = 'pending'
                """).params(challengeId, SqlTime.of(at), id).update() == 1;
    }

    public void settled(long id, Instant at) {
        jdbc.sql("UPDATE wallet_card_operations SET settled_at = ? WHERE id = ? AND settled_at IS NULL")
                .params(SqlTime.of(at), id).update();
    }

    private static final String SELECT = """
            SELECT o.*, (SELECT MAX(f.id) FROM wallet_confirmations f WHERE f.kind = 'withdrawal'
                         AND f.account_id = o.account_id AND f.payload = CAST(o.id AS VARCHAR(40))
                         AND f.status = 'pending') AS confirmation_id
            FROM wallet_card_operations o""";

    private static CardOperation operation(ResultSet rs, int row) throws SQLException {
        return new CardOperation(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("card_id"), rs.getString("kind"),
                rs.getLong("amount"), rs.getString("asset"), rs.getString("status"), rs.getString("failure_code"),
                rs.getString("challenge_id"), rs.getObject("confirmation_id", Long.class), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "updated_at"), SqlTime.read(rs, "settled_at"));
    }
}
