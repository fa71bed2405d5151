package app.omnia.wallet.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;
import app.omnia.wallet.LedgerEntry;

/**
 * The journal: {@code wallet_entries} and their {@code wallet_lines}. Append-only: this class has no
 * UPDATE and no DELETE, on purpose.
 */
@Repository
public class Journal {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;

    public Journal(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
    }

    /**
     * Writes a batch's entries and their lines: on PostgreSQL with one statement over arrays, elsewhere with
     * two JDBC batches.
     */
    public void append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (dialect.postgres()) {
            appendAsArrays(entries);
            return;
        }
        template.batchUpdate("""
                INSERT INTO wallet_entries (id, kind, asset, amount, payer_id, payee_id, initiator_id, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries.stream().map(e -> new Object[] {e.id(), e.kind(),
                e.asset(), e.amount(), e.payerId(), e.payeeId(), e.initiatorId(), e.note(),
                SqlTime.of(e.createdAt())}).toList());
        List<Object[]> lines = new ArrayList<>();
        for (LedgerEntry e : entries) {
            for (int i = 0; i < e.lines().size(); i++) {
                LedgerEntry.Line line = e.lines().get(i);
                lines.add(new Object[] {e.id(), i, line.walletAccountId(), line.amount()});
            }
        }
        template.batchUpdate("INSERT INTO wallet_lines (entry_id, line_no, account_id, amount) VALUES (?, ?, ?, ?)",
                lines);
    }

    /** The entries and their lines in one statement: its foreign keys are checked at its end, entries in place. */
    private void appendAsArrays(List<LedgerEntry> entries) {
        List<LedgerEntry.Line> lines = entries.stream().flatMap(e -> e.lines().stream()).toList();
        Long[] lineEntries = new Long[lines.size()];
        Integer[] lineNumbers = new Integer[lines.size()];
        int at = 0;
        for (LedgerEntry e : entries) {
            for (int i = 0; i < e.lines().size(); i++, at++) {
                lineEntries[at] = e.id();
                lineNumbers[at] = i;
            }
        }
        jdbc.sql("""
                WITH entries AS (
                  INSERT INTO wallet_entries (id, kind, asset, amount, payer_id, payee_id, initiator_id, note, created_at)
                  SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],
                                       ?::bigint[], ?::varchar[], ?::timestamptz[]))
                INSERT INTO wallet_lines (entry_id, line_no, account_id, amount)
                SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[])""")
                .params(entries.stream().map(LedgerEntry::id).toArray(Long[]::new),
                        entries.stream().map(LedgerEntry::kind).toArray(String[]::new),
                        entries.stream().map(LedgerEntry::asset).toArray(String[]::new),
                        entries.stream().map(LedgerEntry::amount).toArray(Long[]::new),
                        entries.stream().map(LedgerEntry::payerId).toArray(Long[]::new),
                        entries.stream().map(LedgerEntry::payeeId).toArray(Long[]::new),
                        entries.stream().map(LedgerEntry::initiatorId).toArray(Long[]::new),
                        entries.stream().map(LedgerEntry::note).toArray(String[]::new),
                        entries.stream().map(e -> SqlTime.of(e.createdAt()).toString()).toArray(String[]::new),
                        lineEntries, lineNumbers,
                        lines.stream().map(LedgerEntry.Line::walletAccountId).toArray(Long[]::new),
                        lines.stream().map(LedgerEntry.Line::amount).toArray(Long[]::new))
                .update();
    }

    public Optional<LedgerEntry> find(long entryId) {
        return withLines(jdbc.sql("SELECT * FROM wallet_entries WHERE id = ?").param(entryId).query(Journal::entry)
                .list()).stream().findFirst();
    }

    /**
     * The entries touching any of these wallet accounts, newest first, Mastodon-style paging by id.
     * {@code asset} narrows to one asset when not null.
     */
    public List<LedgerEntry> pageFor(Collection<Long> walletAccountIds, String asset, PageRequest page) {
        if (walletAccountIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("accounts", walletAccountIds);
        String where = "SELECT * FROM wallet_entries WHERE id IN "
                + "(SELECT entry_id FROM wallet_lines WHERE account_id IN (:accounts))";
        if (asset != null) {
            where += " AND asset = :asset";
            params.put("asset", asset);
        }
        String sql = SqlPaging.apply(where, page, params);
        return SqlPaging.newestFirst(withLines(jdbc.sql(sql).params(params).query(Journal::entry).list()), page);
    }

    private List<LedgerEntry> withLines(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<LedgerEntry.Line>> lines = new HashMap<>();
        jdbc.sql("""
                SELECT l.entry_id, l.account_id, l.amount, a.owner_id, a.system_name
                FROM wallet_lines l JOIN wallet_accounts a ON a.id = l.account_id
                WHERE l.entry_id IN (:entries) ORDER BY l.entry_id, l.line_no""")
                .param("entries", entries.stream().map(LedgerEntry::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>())
                            .add(new LedgerEntry.Line(rs.getLong("account_id"), rs.getObject("owner_id", Long.class),
                                    rs.getString("system_name"), rs.getLong("amount")));
                });
        Map<Long, LedgerEntry> byId = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            byId.put(e.id(), new LedgerEntry(e.id(), e.kind(), e.asset(), e.amount(), e.payerId(), e.payeeId(),
                    e.initiatorId(), e.note(), e.createdAt(), lines.getOrDefault(e.id(), List.of())));
        }
        return List.copyOf(byId.values());
    }

    private static LedgerEntry entry(ResultSet rs, int i) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("asset"), rs.getLong("amount"),
                rs.getObject("payer_id", Long.class), rs.getObject("payee_id", Long.class),
                rs.getObject("initiator_id", Long.class), rs.getString("note"), SqlTime.read(rs, "created_at"),
                List.of());
    }
}
