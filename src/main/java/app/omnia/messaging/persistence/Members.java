package app.omnia.messaging.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.platform.persistence.SqlTime;

/** Who is in which conversation, with role, acceptance and read position; unread counts are derived here. */
@Repository
public class Members {

    private final JdbcClient jdbc;
    private final Rosters rosters;

    public Members(JdbcClient jdbc, Rosters rosters) {
        this.jdbc = jdbc;
        this.rosters = rosters;
    }

    /** Every write that changes a seat (not a read position) ends here: the cached roster goes. */
    private <T> T seatChanged(long conversationId, T result) {
        rosters.invalidate(conversationId);
        return result;
    }

    public boolean add(long conversationId, long accountId, Role role, MemberState state, Instant at) {
        return seatChanged(conversationId, jdbc.sql("""
                INSERT INTO chat_members (conversation_id, account_id, member_role, state, last_read_id, joined_at)
                VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING
                """).params(conversationId, accountId, role.name().toLowerCase(Locale.ROOT),
                state.column(), SqlTime.of(at)).update() > 0);
    }

    public Optional<Member> find(long conversationId, long accountId) {
        return jdbc.sql("SELECT * FROM chat_members WHERE conversation_id = ? AND account_id = ?")
                .params(conversationId, accountId).query(Members::map).optional();
    }

    /** Every member, oldest first (the order in which ownership passes on when the owner leaves). */
    public List<Member> of(long conversationId) {
        return jdbc.sql("SELECT * FROM chat_members WHERE conversation_id = ? ORDER BY joined_at, account_id")
                .param(conversationId).query(Members::map).list();
    }

    /** Who hears the conversation's events: every member but those who declined it. */
    public List<Long> accountIds(long conversationId) {
        return jdbc.sql("SELECT account_id FROM chat_members WHERE conversation_id = ? AND state <> 'declined'")
                .param(conversationId).query(Long.class).list();
    }

    /** A pending request becomes declined; false when it was not a pending request. */
    public boolean decline(long conversationId, long accountId) {
        return seatChanged(conversationId, jdbc.sql("UPDATE chat_members SET state = 'declined'"
                + " WHERE conversation_id = ? AND account_id = ? AND state = 'request'")
                .params(conversationId, accountId).update() > 0);
    }

    /** A member who declined comes back (they started the conversation again, or joined by a link). */
    public boolean rejoin(long conversationId, long accountId) {
        return seatChanged(conversationId, jdbc.sql("UPDATE chat_members SET state = 'active'"
                + " WHERE conversation_id = ? AND account_id = ? AND state = 'declined'")
                .params(conversationId, accountId).update() > 0);
    }

    /** The viewer's memberships of these conversations, by conversation id. */
    public Map<Long, Member> ofViewer(long accountId, Collection<Long> conversationIds) {
        Map<Long, Member> found = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            jdbc.sql("SELECT * FROM chat_members WHERE account_id = :a AND conversation_id IN (:c)")
                    .param("a", accountId).param("c", conversationIds).query(Members::map).list()
                    .forEach(m -> found.put(m.conversationId(), m));
        }
        return found;
    }

    public Map<Long, Integer> counts(Collection<Long> conversationIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            jdbc.sql("SELECT conversation_id, COUNT(*) AS n FROM chat_members WHERE conversation_id IN (:c)"
                            + " GROUP BY conversation_id").param("c", conversationIds)
                    .query((rs, i) -> counts.put(rs.getLong("conversation_id"), rs.getInt("n"))).list();
        }
        return counts;
    }

    /** Per conversation, its first {@code limit} members other than the viewer, oldest first. */
    public Map<Long, List<Long>> others(long viewerId, Collection<Long> conversationIds, int limit) {
        Map<Long, List<Long>> others = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            jdbc.sql("""
                    SELECT conversation_id, account_id FROM (
                      SELECT conversation_id, account_id,
                             ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY joined_at, account_id) AS n
                      FROM chat_members WHERE conversation_id IN (:c) AND account_id <> :v) ranked
                    WHERE n <= :k ORDER BY conversation_id, n
                    """).param("c", conversationIds).param("v", viewerId).param("k", limit)
                    .query((rs, i) -> others.computeIfAbsent(rs.getLong("conversation_id"), c -> new java.util.ArrayList<>())
                            .add(rs.getLong("account_id"))).list();
        }
        return others;
    }

    /** Messages from others after the member's read position, not deleted, per conversation. */
    public Map<Long, Long> unread(long accountId, Collection<Long> conversationIds) {
        Map<Long, Long> unread = new HashMap<>();
        if (!conversationIds.isEmpty()) {
            jdbc.sql("""
                    SELECT m.conversation_id, COUNT(*) AS n FROM chat_members m
                    JOIN chat_messages msg ON msg.conversation_id = m.conversation_id AND msg.id > m.last_read_id
                    WHERE m.account_id = :a AND m.conversation_id IN (:c)
                      AND msg.sender_id <> :a AND msg.deleted_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM chat_hidden_messages h WHERE h.account_id = :a AND h.message_id = msg.id)
                    GROUP BY m.conversation_id
                    """).param("a", accountId).param("c", conversationIds)
                    .query((rs, i) -> unread.put(rs.getLong("conversation_id"), rs.getLong("n"))).list();
        }
        return unread;
    }

    public void setState(long conversationId, long accountId, MemberState state) {
        jdbc.sql("UPDATE chat_members SET state = ? WHERE conversation_id = ? AND account_id = ?")
                .params(state.column(), conversationId, accountId).update();
        rosters.invalidate(conversationId);
    }

    public void setRole(long conversationId, long accountId, Role role) {
        jdbc.sql("UPDATE chat_members SET member_role = ? WHERE conversation_id = ? AND account_id = ?")
                .params(role.name().toLowerCase(Locale.ROOT), conversationId, accountId).update();
        rosters.invalidate(conversationId);
    }

    /**
     * Moves the read position forward only (and the delivered one with it: what was read was received);
     * false when it was already there or further.
     */
    public boolean markRead(long conversationId, long accountId, long messageId) {
        boolean moved = jdbc.sql("""
                UPDATE chat_members SET last_read_id = ?
                WHERE conversation_id = ? AND account_id = ? AND last_read_id < ?
                """).params(messageId, conversationId, accountId, messageId).update() > 0;
        markDelivered(conversationId, accountId, messageId);
        return moved;
    }

    /** Moves the delivered position forward only; false when it was already there or further. */
    public boolean markDelivered(long conversationId, long accountId, long messageId) {
        return jdbc.sql("""
                UPDATE chat_members SET last_delivered_id = ?
                WHERE conversation_id = ? AND account_id = ? AND last_delivered_id < ?
                """).params(messageId, conversationId, accountId, messageId).update() > 0;
    }

    public void setMuted(long conversationId, long accountId, boolean muted) {
        jdbc.sql("UPDATE chat_members SET muted = ? WHERE conversation_id = ? AND account_id = ?")
                .params(muted, conversationId, accountId).update();
        rosters.invalidate(conversationId);
    }

    public void setArchived(long conversationId, long accountId, boolean archived) {
        jdbc.sql("UPDATE chat_members SET archived = ? WHERE conversation_id = ? AND account_id = ?")
                .params(archived, conversationId, accountId).update();
        rosters.invalidate(conversationId);
    }

    /**
     * A new message brings an archived conversation back to the inbox of its sender and of every member who
     * has not also muted it (muted and archived: keep it out of sight).
     */
    public void unarchiveForMessage(long conversationId, long senderId) {
        int changed = jdbc.sql("""
                UPDATE chat_members SET archived = FALSE
                WHERE conversation_id = ? AND archived = TRUE AND (muted = FALSE OR account_id = ?)
                """).params(conversationId, senderId).update();
        if (changed > 0) {
            rosters.invalidate(conversationId);
        }
    }

    /** The members who muted this conversation. */
    public java.util.Set<Long> mutedIds(long conversationId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT account_id FROM chat_members WHERE conversation_id = ? AND muted = TRUE")
                .param(conversationId).query(Long.class).list());
    }

    public boolean remove(long conversationId, long accountId) {
        return seatChanged(conversationId, jdbc.sql("DELETE FROM chat_members WHERE conversation_id = ? AND account_id = ?")
                .params(conversationId, accountId).update() > 0);
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("conversation_id"), rs.getLong("account_id"),
                Role.valueOf(rs.getString("member_role").toUpperCase(Locale.ROOT)),
                MemberState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getLong("last_read_id"), SqlTime.read(rs, "joined_at"), rs.getLong("last_delivered_id"),
                rs.getBoolean("muted"), rs.getBoolean("archived"));
    }
}
