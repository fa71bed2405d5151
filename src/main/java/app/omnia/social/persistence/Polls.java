package app.omnia.social.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.domain.Poll;

/** Polls, their options, voters and votes. Reads for a page of statuses take a fixed number of queries. */
@Repository
public class Polls {

    /** How a poll stands: votes per option (index to count) and how many people voted. */
    public record Tally(Map<Integer, Long> votesByChoice, long voters) {

        public static final Tally NONE = new Tally(Map.of(), 0);

        public long votes() {
            return votesByChoice.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final StatusCardCache cards;

    public Polls(JdbcClient jdbc, StatusCardCache cards) {
        this.jdbc = jdbc;
        this.cards = cards;
    }

    public void insert(Poll poll) {
        jdbc.sql("""
                INSERT INTO polls (id, status_id, account_id, multiple, hide_totals, expires_at, closed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
                """).params(poll.id(), poll.statusId(), poll.accountId(), poll.multiple(), poll.hideTotals(),
                SqlTime.of(poll.expiresAt()), SqlTime.of(poll.createdAt())).update();
        insertOptions(poll.id(), poll.options());
    }

    /**
     * Replaces an edited poll's settings and options, and opens it again until its new end. With
     * {@code resetVotes} every vote is dropped: they were cast for other options.
     */
    public void replace(Poll poll, boolean resetVotes) {
        cards.invalidate(poll.statusId());
        jdbc.sql("UPDATE polls SET multiple = ?, hide_totals = ?, expires_at = ?, closed_at = NULL WHERE id = ?")
                .params(poll.multiple(), poll.hideTotals(), SqlTime.of(poll.expiresAt()), poll.id()).update();
        jdbc.sql("DELETE FROM poll_options WHERE poll_id = ?").param(poll.id()).update();
        insertOptions(poll.id(), poll.options());
        if (resetVotes) {
            jdbc.sql("DELETE FROM poll_votes WHERE poll_id = ?").param(poll.id()).update();
            jdbc.sql("DELETE FROM poll_voters WHERE poll_id = ?").param(poll.id()).update();
        }
    }

    public void delete(long pollId) {
        jdbc.sql("DELETE FROM polls WHERE id = ?").param(pollId).update();
    }

    private void insertOptions(long pollId, List<String> options) {
        for (int i = 0; i < options.size(); i++) {
            jdbc.sql("INSERT INTO poll_options (poll_id, option_index, title) VALUES (?, ?, ?)")
                    .params(pollId, i, options.get(i)).update();
        }
    }

    public Optional<Poll> find(long id) {
        return withOptions(jdbc.sql("SELECT * FROM polls WHERE id = ?").param(id).query(Polls::map).list())
                .stream().findFirst();
    }

    public Optional<Poll> ofStatus(long statusId) {
        return Optional.ofNullable(ofStatuses(List.of(statusId)).get(statusId));
    }

    /** The polls of these statuses, by status id (two queries). */
    public Map<Long, Poll> ofStatuses(Collection<Long> statusIds) {
        Map<Long, Poll> byStatus = new HashMap<>();
        if (!statusIds.isEmpty()) {
            withOptions(jdbc.sql("SELECT * FROM polls WHERE status_id IN (:ids)").param("ids", statusIds)
                    .query(Polls::map).list()).forEach(p -> byStatus.put(p.statusId(), p));
        }
        return byStatus;
    }

    private List<Poll> withOptions(List<Poll> polls) {
        if (polls.isEmpty()) {
            return polls;
        }
        Map<Long, List<String>> options = new HashMap<>();
        jdbc.sql("SELECT poll_id, title FROM poll_options WHERE poll_id IN (:ids) ORDER BY poll_id, option_index")
                .param("ids", polls.stream().map(Poll::id).toList())
                .query((rs, i) -> options.computeIfAbsent(rs.getLong("poll_id"), k -> new ArrayList<>())
                        .add(rs.getString("title")))
                .list();
        return polls.stream().map(p -> new Poll(p.id(), p.statusId(), p.accountId(),
                List.copyOf(options.getOrDefault(p.id(), List.of())), p.multiple(), p.hideTotals(), p.expiresAt(),
                p.closedAt(), p.createdAt())).toList();
    }

    /** Votes per option and voters of these polls, by poll id (two queries). */
    public Map<Long, Tally> tallies(Collection<Long> pollIds) {
        Map<Long, Tally> tallies = new HashMap<>();
        if (pollIds.isEmpty()) {
            return tallies;
        }
        Map<Long, Map<Integer, Long>> votes = new HashMap<>();
        jdbc.sql("""
                SELECT poll_id, choice, COUNT(*) AS n FROM poll_votes WHERE poll_id IN (:ids) GROUP BY poll_id, choice
                """).param("ids", pollIds)
                .query((rs, i) -> votes.computeIfAbsent(rs.getLong("poll_id"), k -> new HashMap<>())
                        .put(rs.getInt("choice"), rs.getLong("n")))
                .list();
        Map<Long, Long> voters = new HashMap<>();
        jdbc.sql("SELECT poll_id, COUNT(*) AS n FROM poll_voters WHERE poll_id IN (:ids) GROUP BY poll_id")
                .param("ids", pollIds)
                .query((rs, i) -> voters.put(rs.getLong("poll_id"), rs.getLong("n")))
                .list();
        for (Long id : pollIds) {
            tallies.put(id, new Tally(votes.getOrDefault(id, Map.of()), voters.getOrDefault(id, 0L)));
        }
        return tallies;
    }

    /** The options this account chose in these polls, by poll id; a poll it did not vote on is absent. */
    public Map<Long, List<Integer>> choicesOf(long accountId, Collection<Long> pollIds) {
        Map<Long, List<Integer>> choices = new LinkedHashMap<>();
        if (!pollIds.isEmpty()) {
            jdbc.sql("""
                    SELECT poll_id, choice FROM poll_votes WHERE account_id = :a AND poll_id IN (:ids)
                    ORDER BY poll_id, choice
                    """).param("a", accountId).param("ids", pollIds)
                    .query((rs, i) -> choices.computeIfAbsent(rs.getLong("poll_id"), k -> new ArrayList<>())
                            .add(rs.getInt("choice")))
                    .list();
        }
        return choices;
    }

    /**
     * Records that this account voted. False if it already had: the primary key makes a second vote fail
     * even when two requests race, and the loser's transaction writes nothing.
     */
    public boolean addVoter(long pollId, long accountId, Instant at) {
        return jdbc.sql("INSERT INTO poll_voters (poll_id, account_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(pollId, accountId, SqlTime.of(at)).update() > 0;
    }

    public void addVote(long id, long pollId, long accountId, int choice, Instant at) {
        jdbc.sql("INSERT INTO poll_votes (id, poll_id, account_id, choice, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, pollId, accountId, choice, SqlTime.of(at)).update();
    }

    public List<Long> voters(long pollId) {
        return jdbc.sql("SELECT account_id FROM poll_voters WHERE poll_id = ? ORDER BY account_id").param(pollId)
                .query(Long.class).list();
    }

    /** Polls that ended by {@code now} and were not handled yet, earliest first. */
    public List<Long> endedUnclosed(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM polls WHERE closed_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?")
                .params(SqlTime.of(now), limit).query(Long.class).list();
    }

    /**
     * Claims an ended poll for handling. One UPDATE decides: of two server copies (or two runs) only one sees
     * a row change; the other waits for the row lock, finds it claimed, and moves on.
     */
    public boolean claimEnded(long pollId, Instant now) {
        return jdbc.sql("UPDATE polls SET closed_at = ? WHERE id = ? AND closed_at IS NULL AND expires_at <= ?")
                .params(SqlTime.of(now), pollId, SqlTime.of(now)).update() > 0;
    }

    private static Poll map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Poll(rs.getLong("id"), rs.getLong("status_id"), rs.getLong("account_id"), List.of(),
                rs.getBoolean("multiple"), rs.getBoolean("hide_totals"), SqlTime.read(rs, "expires_at"),
                SqlTime.read(rs, "closed_at"), SqlTime.read(rs, "created_at"));
    }
}
