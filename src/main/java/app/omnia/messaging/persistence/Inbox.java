package app.omnia.messaging.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/**
 * The sync log. An event is stored once ({@code chat_events}); each recipient's inbox gets a row pointing at
 * it under the recipient's next sequence number. Numbers come from a per-account counter row updated under
 * its lock, so one account's numbers grow in commit order with no gaps: a client that holds seq N and asks
 * for everything after N misses nothing. Counters are locked in account order, so that two events for
 * overlapping groups of people cannot deadlock.
 */
@Repository
public class Inbox {

    /**
     * One event as one account sees it: {@code muted} when the account had muted the conversation,
     * {@code push} when it deserves a notification on a device that is not connected.
     */
    public record Entry(long accountId, long seq, long eventId, long conversationId, String type, String payload,
                        Instant createdAt, boolean muted, boolean push) {}

    /** How an entry is flagged for each recipient. */
    public record Flags(java.util.Set<Long> muted, java.util.Set<Long> push) {
        public static final Flags NONE = new Flags(java.util.Set.of(), java.util.Set.of());
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** Which database this is, learnt on first use. */
    private volatile Boolean postgres;

    public Inbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Stores the event and appends it to each recipient's inbox; returns the entries, by account. */
    public List<Entry> append(long eventId, long conversationId, String type, String payload, Instant at,
                              Collection<Long> recipients) {
        return append(eventId, conversationId, type, payload, at, recipients, Flags.NONE);
    }

    public List<Entry> append(long eventId, long conversationId, String type, String payload, Instant at,
                              Collection<Long> recipients, Flags flags) {
        List<Long> accounts = new ArrayList<>(new TreeSet<>(recipients));
        if (accounts.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> seqs = postgres() ? appendInOneStatement(eventId, conversationId, type, payload, at, accounts, flags)
                : appendStepByStep(eventId, conversationId, type, payload, at, accounts, flags);
        return accounts.stream().map(id -> new Entry(id, seqs.get(id), eventId, conversationId, type, payload, at,
                flags.muted().contains(id), flags.push().contains(id))).toList();
    }

    /**
     * PostgreSQL: the event, the counters (created or moved, locked in account order as the rows are upserted
     * in that order) and the inbox rows in one round trip, which is most of what a send costs the database.
     */
    private Map<Long, Long> appendInOneStatement(long eventId, long conversationId, String type, String payload,
                                                 Instant at, List<Long> accounts, Flags flags) {
        Map<Long, Long> seqs = new HashMap<>();
        jdbc.sql("""
                WITH event AS (
                  INSERT INTO chat_events (id, conversation_id, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)),
                numbered AS (
                  INSERT INTO chat_sequences AS s (account_id, last_seq)
                  SELECT a, 1 FROM unnest(?::bigint[]) AS a ORDER BY a
                  ON CONFLICT (account_id) DO UPDATE SET last_seq = s.last_seq + 1
                  RETURNING s.account_id, s.last_seq)
                INSERT INTO chat_inbox (account_id, seq, event_id, muted, push)
                SELECT account_id, last_seq, ?, account_id = ANY(?::bigint[]), account_id = ANY(?::bigint[]) FROM numbered
                RETURNING account_id, seq
                """).params(eventId, conversationId, type, payload, SqlTime.of(at), accounts.toArray(Long[]::new),
                        eventId, flags.muted().toArray(Long[]::new), flags.push().toArray(Long[]::new))
                .query((rs, i) -> seqs.put(rs.getLong("account_id"), rs.getLong("seq"))).list();
        return seqs;
    }

    /** Elsewhere (H2): lock the counters in account order, create the missing ones, move them, append. */
    private Map<Long, Long> appendStepByStep(long eventId, long conversationId, String type, String payload,
                                             Instant at, List<Long> accounts, Flags flags) {
        jdbc.sql("INSERT INTO chat_events (id, conversation_id, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(eventId, conversationId, type, payload, SqlTime.of(at)).update();
        // Locked rows cannot move until commit, so the next numbers are known from the locking read itself.
        Map<Long, Long> seqs = lockSequences(accounts);
        if (seqs.size() < accounts.size()) {
            // Someone's first event: create the missing counters (in account order), then lock them all.
            batch.batchUpdate("INSERT INTO chat_sequences (account_id, last_seq) VALUES (?, 0) ON CONFLICT DO NOTHING",
                    accounts.stream().filter(id -> !seqs.containsKey(id)).map(id -> new Object[] {id}).toList());
            seqs.putAll(lockSequences(accounts));
        }
        jdbc.sql("UPDATE chat_sequences SET last_seq = last_seq + 1 WHERE account_id IN (:a)").param("a", accounts).update();
        batch.batchUpdate("INSERT INTO chat_inbox (account_id, seq, event_id, muted, push) VALUES (?, ?, ?, ?, ?)",
                accounts.stream().map(id -> new Object[] {id, seqs.get(id), eventId, flags.muted().contains(id),
                        flags.push().contains(id)}).toList());
        return seqs;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = batch.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName()
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres"));
            postgres = known;
        }
        return known;
    }

    private Map<Long, Long> lockSequences(List<Long> accounts) {
        Map<Long, Long> seqs = new HashMap<>();
        jdbc.sql("SELECT account_id, last_seq FROM chat_sequences WHERE account_id IN (:a) ORDER BY account_id FOR UPDATE")
                .param("a", accounts).query((rs, i) -> seqs.put(rs.getLong("account_id"), rs.getLong("last_seq") + 1))
                .list();
        return seqs;
    }

    /** The account's entries after {@code since}, oldest first. */
    public List<Entry> since(long accountId, long since, int limit) {
        return jdbc.sql("""
                SELECT i.account_id, i.seq, e.id, e.conversation_id, e.event_type, e.payload, e.created_at, i.muted, i.push
                FROM chat_inbox i JOIN chat_events e ON e.id = i.event_id
                WHERE i.account_id = ? AND i.seq > ? ORDER BY i.seq LIMIT ?
                """).params(accountId, since, limit)
                .query((rs, i) -> new Entry(rs.getLong("account_id"), rs.getLong("seq"), rs.getLong("id"),
                        rs.getLong("conversation_id"), rs.getString("event_type"), rs.getString("payload"),
                        SqlTime.read(rs, "created_at"), rs.getBoolean("muted"), rs.getBoolean("push"))).list();
    }

    public long lastSeq(long accountId) {
        return jdbc.sql("SELECT last_seq FROM chat_sequences WHERE account_id = ?").param(accountId)
                .query(Long.class).optional().orElse(0L);
    }
}
