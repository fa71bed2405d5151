package app.omnia.wallet.persistence;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Accounts allowed to charge others. */
@Repository
public class Merchants {

    private final JdbcClient jdbc;

    public Merchants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean add(long accountId, long enabledBy, Instant at) {
        return jdbc.sql("INSERT INTO wallet_merchants (account_id, enabled_by, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(accountId, enabledBy, SqlTime.of(at)).update() == 1;
    }

    public boolean remove(long accountId) {
        return jdbc.sql("DELETE FROM wallet_merchants WHERE account_id = ?").param(accountId).update() == 1;
    }

    public boolean contains(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_merchants WHERE account_id = ?").param(accountId)
                .query(Integer.class).single() > 0;
    }
}
