package app.omnia.messaging.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.persistence.SqlTime;

/**
 * The sync log. An event is stored once ({@code chat_events}); each recipient's inbox gets a row pointing at
 * it under the recipient's next sequence number. Numbers come from a per-account counter row updated under
 * its lock, so one account's numbers grow in commit order with no gaps: a client that holds seq N and asks
 * for everything after N misses nothing. Counters are locked in account order, so that two transactions for
 * overlapping groups of people cannot deadlock. Several events may be appended at once (a batch of sends):
 * each account's counter then moves once, by its number of events, and the events take the numbers in order.
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
    public record Flags(Set<Long> muted, Set<Long> push) {
        public static final Flags NONE = new Flags(Set.of(), Set.of());
    }

    /** An event to store, for these recipients. */
    public record NewEvent(long eventId, long conversationId, String type, String payload, Instant at,
                           Collection<Long> recipients, Flags flags) {

        List<Long> accounts() {
            return new ArrayList<>(new TreeSet<>(recipients));
        }

        Entry entry(long accountId, long seq) {
            return new Entry(accountId, seq, eventId, conversationId, type, payload, at,
                    flags.muted().contains(accountId), flags.push().contains(accountId));
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SqlDialect dialect;

    public Inbox(JdbcClient jdbc, JdbcTemplate batch, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dialect = dialect;
    }

    /** Stores the event and appends it to each recipient's inbox; returns the entries, by account. */
    public List<Entry> append(long eventId, long conversationId, String type, String payload, Instant at,
                              Collection<Long> recipients) {
        return append(eventId, conversationId, type, payload, at, recipients, Flags.NONE);
    }

    public List<Entry> append(long eventId, long conversationId, String type, String payload, Instant at,
                              Collection<Long> recipients, Flags flags) {
        return appendAll(List.of(new NewEvent(eventId, conversationId, type, payload, at, recipients, flags))).getFirst();
    }

    /**
     * Stores these events, in this order, and appends each to its recipients' inboxes; returns each event's
     * entries, by account (none for an event without recipients, which is not stored).
     */
    public List<List<Entry>> appendAll(List<NewEvent> events) {
        List<NewEvent> stored = events.stream().filter(e -> !e.recipients().isEmpty()).toList();
        Map<Long, Map<Long, Long>> seqs = new HashMap<>();
        if (!stored.isEmpty()) {
            Map<Long, Integer> counts = new TreeMap<>();
            stored.forEach(e -> e.accounts().forEach(id -> counts.merge(id, 1, Integer::sum)));
            // Each account's counter moves once, by its number of events, which take the new numbers in order.
            Map<Long, Long> next = dialect.postgres() ? moveCountersInOneStatement(counts) : moveCountersStepByStep(counts);
            List<Entry> entries = new ArrayList<>();
            for (NewEvent e : stored) {
                for (long id : e.accounts()) {
                    Entry entry = e.entry(id, next.merge(id, 1L, Long::sum) - 1);
                    seqs.computeIfAbsent(e.eventId(), k -> new HashMap<>()).put(id, entry.seq());
                    entries.add(entry);
                }
            }
            if (dialect.postgres()) {
                storeInOneStatement(stored, entries);
            } else {
                storeStepByStep(stored, entries);
            }
        }
        return events.stream().map(e -> e.accounts().stream()
                .map(id -> e.entry(id, seqs.get(e.eventId()).get(id))).toList()).toList();
    }

    /**
     * PostgreSQL: the counters created or moved in one statement, locked in account order (the rows are upserted
     * in that order); answers each account's first new number. Plain arrays and no join: the plan stays cheap
     * whatever the batch's size (a generic plan guesses ten rows per array).
     */
    private Map<Long, Long> moveCountersInOneStatement(Map<Long, Integer> counts) {
        Map<Long, Long> next = new HashMap<>();
        jdbc.sql("""
                INSERT INTO chat_sequences AS s (account_id, last_seq)
                SELECT * FROM unnest(?::bigint[], ?::bigint[]) AS c (account_id, events) ORDER BY account_id
                ON CONFLICT (account_id) DO UPDATE SET last_seq = s.last_seq + excluded.last_seq
                RETURNING s.account_id, s.last_seq
                """).params(counts.keySet().toArray(Long[]::new),
                        counts.values().stream().map(Integer::longValue).toArray(Long[]::new))
                .query((rs, i) -> next.put(rs.getLong("account_id"),
                        rs.getLong("last_seq") - counts.get(rs.getLong("account_id")) + 1)).list();
        return next;
    }

    /** PostgreSQL: the events and the inbox rows in one statement. */
    private void storeInOneStatement(List<NewEvent> events, List<Entry> entries) {
        jdbc.sql("""
                WITH stored AS (
                  INSERT INTO chat_events (id, conversation_id, event_type, payload, created_at)
                  SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::timestamptz[]))
                INSERT INTO chat_inbox (account_id, seq, event_id, muted, push)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::boolean[])
                """).params(
                        events.stream().map(NewEvent::eventId).toArray(Long[]::new),
                        events.stream().map(NewEvent::conversationId).toArray(Long[]::new),
                        events.stream().map(NewEvent::type).toArray(String[]::new),
                        events.stream().map(NewEvent::payload).toArray(String[]::new),
                        events.stream().map(e -> SqlTime.of(e.at()).toString()).toArray(String[]::new),
                        entries.stream().map(Entry::accountId).toArray(Long[]::new),
                        entries.stream().map(Entry::seq).toArray(Long[]::new),
                        entries.stream().map(Entry::eventId).toArray(Long[]::new),
                        entries.stream().map(Entry::muted).toArray(Boolean[]::new),
                        entries.stream().map(Entry::push).toArray(Boolean[]::new))
                .update();
    }

    /** Elsewhere (H2): lock the counters in account order, create the missing ones, move them. */
    private Map<Long, Long> moveCountersStepByStep(Map<Long, Integer> counts) {
        List<Long> accounts = List.copyOf(counts.keySet());
        // Locked rows cannot move until commit, so the next numbers are known from the locking read itself.
        Map<Long, Long> next = lockSequences(accounts);
        if (next.size() < accounts.size()) {
            // Someone's first event: create the missing counters (in account order), then lock them all.
            batch.batchUpdate("INSERT INTO chat_sequences (account_id, last_seq) VALUES (?, 0) ON CONFLICT DO NOTHING",
                    accounts.stream().filter(id -> !next.containsKey(id)).map(id -> new Object[] {id}).toList());
            next.putAll(lockSequences(accounts));
        }
        batch.batchUpdate("UPDATE chat_sequences SET last_seq = last_seq + ? WHERE account_id = ?",
                counts.entrySet().stream().map(c -> new Object[] {c.getValue(), c.getKey()}).toList());
        return next;
    }

    private void storeStepByStep(List<NewEvent> events, List<Entry> entries) {
        batch.batchUpdate("INSERT INTO chat_events (id, conversation_id, event_type, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.eventId(), e.conversationId(), e.type(), e.payload(),
                        SqlTime.of(e.at())}).toList());
        batch.batchUpdate("INSERT INTO chat_inbox (account_id, seq, event_id, muted, push) VALUES (?, ?, ?, ?, ?)",
                entries.stream().map(e -> new Object[] {e.accountId(), e.seq(), e.eventId(), e.muted(), e.push()}).toList());
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
