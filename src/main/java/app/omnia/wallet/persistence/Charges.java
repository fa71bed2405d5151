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
import app.omnia.wallet.Charge;
import app.omnia.wallet.Refund;

/** Merchant charges and their refunds. Status changes are conditional UPDATEs: each happens once. */
@Repository
public class Charges {

    private final JdbcClient jdbc;

    public Charges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Charge c) {
        jdbc.sql("""
                INSERT INTO wallet_charges (id, payer_id, merchant_id, amount, refunded_amount, asset, description,
                    status, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?)
                """).params(c.id(), c.payerId(), c.merchantId(), c.amount(), c.asset(), c.description(), c.status(),
                SqlTime.of(c.createdAt())).update();
    }

    public Optional<Charge> find(long id) {
        return jdbc.sql("""
                SELECT c.*, (SELECT MAX(f.id) FROM wallet_confirmations f
                             WHERE f.kind = 'charge' AND f.account_id = c.payer_id AND f.payload = CAST(c.id AS VARCHAR(40))
                               AND f.status = 'pending') AS confirmation_id
                FROM wallet_charges c WHERE c.id = ?
                """).param(id).query(Charges::charge).optional();
    }

    /** Locks the charge's row until the transaction ends (refunds of one charge are judged one at a time). */
    public Optional<Charge> lock(long id) {
        return jdbc.sql("SELECT c.*, CAST(NULL AS BIGINT) AS confirmation_id FROM wallet_charges c WHERE c.id = ? FOR UPDATE")
                .param(id).query(Charges::charge).optional();
    }

    /** The charges a payer was asked to pay, or a merchant asked for; optionally one status only. */
    public List<Charge> page(String side, long accountId, String status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        String where = "SELECT c.*, CAST(NULL AS BIGINT) AS confirmation_id FROM wallet_charges c WHERE "
                + ("merchant".equals(side) ? "merchant_id" : "payer_id") + " = :account";
        if (status != null) {
            where += " AND status = :status";
            params.put("status", status);
        }
        String sql = SqlPaging.apply(where, page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(Charges::charge).list(), page);
    }

    /** Moves a charge on; false when it was not in one of {@code from} any more. */
    public boolean move(long id, List<String> from, String to, Long entryId, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("from", from);
        params.put("to", to);
        params.put("entry", entryId);
        params.put("at", SqlTime.of(at));
        return jdbc.sql("""
                UPDATE wallet_charges SET status = :to, entry_id = COALESCE(:entry, entry_id), decided_at = :at
                WHERE id = :id AND status IN (:from)
                """).params(params).update() == 1;
    }

    /** Adds to the refunded amount when it stays within the charge; false otherwise. */
    public boolean addRefunded(long id, long amount) {
        return jdbc.sql("""
                UPDATE wallet_charges SET refunded_amount = refunded_amount + ?
                WHERE id = ? AND status = 'succeeded' AND refunded_amount + ? <= amount
                """).params(amount, id, amount).update() == 1;
    }

    public void insertRefund(Refund r, String idempotencyKey) {
        jdbc.sql("""
                INSERT INTO wallet_refunds (id, charge_id, merchant_id, amount, idem_key, entry_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(r.id(), r.chargeId(), r.merchantId(), r.amount(), idempotencyKey, r.entryId(),
                SqlTime.of(r.createdAt())).update();
    }

    public Optional<Refund> refundByKey(long chargeId, String idempotencyKey) {
        return jdbc.sql("""
                SELECT r.*, c.asset FROM wallet_refunds r JOIN wallet_charges c ON c.id = r.charge_id
                WHERE r.charge_id = ? AND r.idem_key = ?
                """).params(chargeId, idempotencyKey).query(Charges::refund).optional();
    }

    public List<Refund> refunds(long chargeId) {
        return jdbc.sql("""
                SELECT r.*, c.asset FROM wallet_refunds r JOIN wallet_charges c ON c.id = r.charge_id
                WHERE r.charge_id = ? ORDER BY r.id LIMIT 100
                """).param(chargeId).query(Charges::refund).list();
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getLong("id"), rs.getLong("charge_id"), rs.getLong("merchant_id"), rs.getLong("amount"),
                rs.getString("asset"), rs.getLong("entry_id"), SqlTime.read(rs, "created_at"));
    }

    private static Charge charge(ResultSet rs, int row) throws SQLException {
        return new Charge(rs.getLong("id"), rs.getLong("payer_id"), rs.getLong("merchant_id"), rs.getLong("amount"),
                rs.getLong("refunded_amount"), rs.getString("asset"), rs.getString("description"),
                rs.getString("status"), rs.getObject("confirmation_id", Long.class), SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "decided_at"));
    }
}
