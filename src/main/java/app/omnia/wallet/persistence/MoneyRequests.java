package app.omnia.wallet.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.domain.MoneyRequest;

/** The {@code wallet_money_requests} table. State changes are conditional on the request still being pending. */
@Repository
public class MoneyRequests {

    private final JdbcClient jdbc;

    public MoneyRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MoneyRequest r) {
        jdbc.sql("""
                INSERT INTO wallet_money_requests (id, requester_id, payer_id, asset, amount, note, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.requesterId(), r.payerId(), r.asset(), r.amount(), r.note(), r.state().key(),
                        SqlTime.of(r.createdAt()))
                .update();
    }

    public Optional<MoneyRequest> find(long id) {
        return jdbc.sql("SELECT * FROM wallet_money_requests WHERE id = ?").param(id).query(MoneyRequests::row)
                .optional();
    }

    /**
     * Moves a pending request to {@code state}; false when it was not pending any more (someone else answered
     * first: the caller refuses).
     */
    public boolean resolve(long id, MoneyRequest.State state, Long entryId, Instant at) {
        return jdbc.sql("""
                UPDATE wallet_money_requests SET state = ?, entry_id = ?, resolved_at = ?
                WHERE id = ? AND state = 'pending'""")
                .params(state.key(), entryId, SqlTime.of(at), id).update() == 1;
    }

    /** Requests sent to ({@code incoming}) or by this account, newest first; optionally only in one state. */
    public List<MoneyRequest> page(long accountId, boolean incoming, MoneyRequest.State state, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        String where = "SELECT * FROM wallet_money_requests WHERE " + (incoming ? "payer_id" : "requester_id")
                + " = :account";
        if (state != null) {
            where += " AND state = :state";
            params.put("state", state.key());
        }
        return SqlPaging.newestFirst(jdbc.sql(SqlPaging.apply(where, page, params)).params(params)
                .query(MoneyRequests::row).list(), page);
    }

    private static MoneyRequest row(ResultSet rs, int i) throws SQLException {
        return new MoneyRequest(rs.getLong("id"), rs.getLong("requester_id"), rs.getLong("payer_id"),
                rs.getString("asset"), rs.getLong("amount"), rs.getString("note"),
                MoneyRequest.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getObject("entry_id", Long.class), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "resolved_at"));
    }
}
