package app.omnia.messaging.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * Who sits in a conversation (role, acceptance, mute and archive flags) and what kind it is, as sending needs
 * them, cached in each copy: a message is sent far more often than a membership changes. Read and delivered
 * positions are left out on purpose (they move with every read, and would empty the cache as fast as it
 * fills). {@link Members} invalidates a conversation's roster on every write that changes a seat.
 */
@Repository
public class Rosters {

    public record Seat(long accountId, Role role, MemberState state, boolean muted, boolean archived) {}

    /** A conversation's kind and seats, oldest member first (kind and encryption never change). */
    public record Roster(long conversationId, Conversation.Kind kind, boolean encrypted, List<Seat> seats) {

        public boolean isGroup() {
            return kind == Conversation.Kind.GROUP;
        }

        public Optional<Seat> seat(long accountId) {
            return seats.stream().filter(s -> s.accountId() == accountId).findFirst();
        }

        /** Whether a new message would bring the conversation back from someone's archive. */
        public boolean anyArchived() {
            return seats.stream().anyMatch(Seat::archived);
        }
    }

    private final JdbcClient jdbc;
    private final SharedCache<Roster> cache;

    Rosters(JdbcClient jdbc, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.cache = caches.create("chat-rosters", settings.conversations());
    }

    /** The roster, or empty when the conversation does not exist: one statement on a miss. */
    public Optional<Roster> find(long conversationId) {
        return Optional.ofNullable(cache.getAll(List.of(conversationId), missing -> load(conversationId))
                .get(conversationId));
    }

    void invalidate(long conversationId) {
        cache.invalidate(conversationId);
    }

    /** For tests that measure a cold cache. */
    public void clear() {
        cache.clear();
    }

    private Map<Long, Roster> load(long conversationId) {
        List<Seat> seats = new ArrayList<>();
        Conversation.Kind[] kind = new Conversation.Kind[1];
        boolean[] encrypted = new boolean[1];
        jdbc.sql("""
                SELECT c.kind, c.encrypted, m.account_id, m.member_role, m.state, m.muted, m.archived
                FROM chat_conversations c LEFT JOIN chat_members m ON m.conversation_id = c.id
                WHERE c.id = ? ORDER BY m.joined_at, m.account_id
                """).param(conversationId).query(rs -> {
                    kind[0] = Conversation.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
                    encrypted[0] = rs.getBoolean("encrypted");
                    long accountId = rs.getLong("account_id");
                    if (!rs.wasNull()) {
                        seats.add(new Seat(accountId, Role.valueOf(rs.getString("member_role").toUpperCase(Locale.ROOT)),
                                MemberState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                                rs.getBoolean("muted"), rs.getBoolean("archived")));
                    }
                });
        return kind[0] == null ? Map.of()
                : Map.of(conversationId, new Roster(conversationId, kind[0], encrypted[0], List.copyOf(seats)));
    }
}
