package app.omnia.wallet.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.wallet.domain.RunningBalances;

/** The {@code wallet_accounts} table: one row per user per asset and per system account per asset. */
@Repository
public class WalletAccounts {

    /** A wallet account row. Exactly one of ownerId and systemName is set. */
    public record Row(long id, Long ownerId, String systemName, String asset, long balance) {

        public boolean isUser() {
            return ownerId != null;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdGenerator ids;
    private final Clock clock;
    private final SqlDialect dialect;

    public WalletAccounts(JdbcClient jdbc, JdbcTemplate template, IdGenerator ids, Clock clock, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.ids = ids;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** The user's account in this asset, created empty on first use (a racing twin's row wins harmlessly). */
    public long ensureUser(long ownerId, String asset) {
        return findUser(ownerId, asset).orElseGet(() -> {
            insertRacing(() -> jdbc.sql("""
                    INSERT INTO wallet_accounts (id, owner_id, system_name, asset, balance, created_at)
                    VALUES (?, ?, NULL, ?, 0, ?) ON CONFLICT DO NOTHING""")
                    .params(ids.next(), ownerId, asset, SqlTime.of(clock.instant())).update());
            return findUser(ownerId, asset).orElseThrow();
        });
    }

    public long ensureSystem(String name, String asset) {
        return findSystem(name, asset).orElseGet(() -> {
            insertRacing(() -> jdbc.sql("""
                    INSERT INTO wallet_accounts (id, owner_id, system_name, asset, balance, created_at)
                    VALUES (?, NULL, ?, ?, 0, ?) ON CONFLICT DO NOTHING""")
                    .params(ids.next(), name, asset, SqlTime.of(clock.instant())).update());
            return findSystem(name, asset).orElseThrow();
        });
    }

    /** PostgreSQL waits for a racing twin and inserts nothing; H2 may report the twin's key instead. */
    private static void insertRacing(Runnable insert) {
        try {
            insert.run();
        } catch (org.springframework.dao.DuplicateKeyException twin) {
            // The twin's row is the account: the caller reads it next.
        }
    }

    public Optional<Long> findUser(long ownerId, String asset) {
        return jdbc.sql("SELECT id FROM wallet_accounts WHERE owner_id = ? AND asset = ?").params(ownerId, asset)
                .query(Long.class).optional();
    }

    public Optional<Long> findSystem(String name, String asset) {
        return jdbc.sql("SELECT id FROM wallet_accounts WHERE system_name = ? AND asset = ?").params(name, asset)
                .query(Long.class).optional();
    }

    /** A user's accounts, one per asset held or used, by asset code. */
    public List<Row> ofOwner(long ownerId) {
        return jdbc.sql("SELECT * FROM wallet_accounts WHERE owner_id = ? ORDER BY asset").param(ownerId)
                .query(WalletAccounts::row).list();
    }

    public List<Row> systemAccounts() {
        return jdbc.sql("SELECT * FROM wallet_accounts WHERE system_name IS NOT NULL ORDER BY asset, system_name")
                .query(WalletAccounts::row).list();
    }

    public List<Row> byIds(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM wallet_accounts WHERE id IN (:ids)").param("ids", accountIds)
                .query(WalletAccounts::row).list();
    }

    /**
     * Locks the batch's accounts, in id order so that two writers (two server copies) never wait for each
     * other in a circle, and reads their balances: from here to commit nobody else changes them.
     */
    public List<RunningBalances.Account> lock(Collection<Long> accountIds) {
        return jdbc.sql("SELECT id, owner_id, asset, balance FROM wallet_accounts WHERE " + dialect.anyOf("id", "ids")
                        + " ORDER BY id FOR UPDATE")
                .param("ids", dialect.ids(accountIds))
                .query((rs, i) -> new RunningBalances.Account(rs.getLong("id"), rs.getObject("owner_id") != null,
                        rs.getString("asset"), rs.getLong("balance")))
                .list();
    }

    /**
     * Adds each delta to its balance. The WHERE clause is the database's own guard that a user balance never
     * goes below zero, whatever the caller computed: false when any row refused (the caller rolls back). On
     * PostgreSQL one UPDATE over arrays for all of them, whose count says whether every row took its delta.
     */
    public boolean applyDeltas(Map<Long, Long> deltas) {
        Map<Long, Long> moved = new TreeMap<>();
        deltas.forEach((id, delta) -> {
            if (delta != 0) {
                moved.put(id, delta);
            }
        });
        if (moved.isEmpty()) {
            return true;
        }
        if (dialect.postgres()) {
            return jdbc.sql("""
                    UPDATE wallet_accounts a SET balance = a.balance + v.delta
                    FROM unnest(?::bigint[], ?::bigint[]) AS v (id, delta)
                    WHERE a.id = v.id AND (a.owner_id IS NULL OR a.balance + v.delta >= 0)""")
                    .params(SqlDialect.longs(moved.keySet()), SqlDialect.longs(moved.values())).update() == moved.size();
        }
        List<Object[]> rows = moved.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()}).toList();
        int[] counts = template.batchUpdate("""
                UPDATE wallet_accounts SET balance = balance + ?
                WHERE id = ? AND (owner_id IS NULL OR balance + ? >= 0)""", rows);
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                return false;
            }
        }
        return true;
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getObject("owner_id", Long.class), rs.getString("system_name"),
                rs.getString("asset"), rs.getLong("balance"));
    }
}
