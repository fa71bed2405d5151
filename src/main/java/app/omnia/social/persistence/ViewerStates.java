package app.omnia.social.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What one viewer did to the statuses of a page — favourited, bookmarked, reblogged, pinned — in at most one
 * query: what the viewer's entry in {@link ViewerStateCache} knows costs none, the other statuses are read
 * together and remembered. Never shared across viewers; any favourite, bookmark, reblog or pin (or undoing
 * one) by the viewer evicts their entry.
 */
@Repository
public class ViewerStates {

    /** The statuses (by id) the viewer favourited, bookmarked, reblogged and pinned. */
    public record State(Set<Long> favourited, Set<Long> bookmarked, Set<Long> reblogged, Set<Long> pinned) {
        public static final State NONE = new State(Set.of(), Set.of(), Set.of(), Set.of());
    }

    private static final byte FAVOURITED = 1;
    private static final byte BOOKMARKED = 2;
    private static final byte REBLOGGED = 4;
    private static final byte PINNED = 8;
    /** Statuses remembered per viewer at most: a few pages' worth; past it the entry starts again. */
    static final int REMEMBERED = 2_000;

    private final JdbcClient jdbc;
    private final ViewerStateCache cache;

    ViewerStates(JdbcClient jdbc, ViewerStateCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    public State of(Long viewerId, Collection<Long> statusIds) {
        if (viewerId == null || statusIds.isEmpty()) {
            return State.NONE;
        }
        Map<Long, Byte> known = cache.known(viewerId);
        List<Long> unknown = statusIds.stream().filter(id -> known == null || !known.containsKey(id)).distinct().toList();
        Map<Long, Byte> flags = known == null ? Map.of() : known;
        if (!unknown.isEmpty()) {
            long stamp = cache.stamp();
            Map<Long, Byte> read = read(viewerId, unknown);
            Map<Long, Byte> merged = new HashMap<>(flags.size() + unknown.size() > REMEMBERED ? Map.of() : flags);
            merged.putAll(read);
            cache.remember(viewerId, Map.copyOf(merged), stamp);
            flags = merged;
        }
        State state = new State(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (Long id : statusIds) {
            byte f = flags.getOrDefault(id, (byte) 0);
            add(state.favourited(), id, f, FAVOURITED);
            add(state.bookmarked(), id, f, BOOKMARKED);
            add(state.reblogged(), id, f, REBLOGGED);
            add(state.pinned(), id, f, PINNED);
        }
        return state;
    }

    private static void add(Set<Long> into, Long id, byte flags, byte flag) {
        if ((flags & flag) != 0) {
            into.add(id);
        }
    }

    /** The flags of these statuses for the viewer, zero for those they did nothing to. */
    private Map<Long, Byte> read(long viewerId, List<Long> statusIds) {
        Map<Long, Byte> flags = new HashMap<>();
        statusIds.forEach(id -> flags.put(id, (byte) 0));
        jdbc.sql("""
                SELECT 'f' AS k, status_id AS id FROM favourites WHERE account_id = :v AND status_id IN (:ids)
                UNION ALL SELECT 'b' AS k, status_id AS id FROM bookmarks WHERE account_id = :v AND status_id IN (:ids)
                UNION ALL SELECT 'r' AS k, reblog_of_id AS id FROM statuses WHERE account_id = :v AND reblog_of_id IN (:ids)
                UNION ALL SELECT 'p' AS k, status_id AS id FROM status_pins WHERE account_id = :v AND status_id IN (:ids)
                """).param("v", viewerId).param("ids", statusIds).query(rs -> {
                    long id = rs.getLong("id");
                    byte flag = switch (rs.getString("k")) {
                        case "f" -> FAVOURITED;
                        case "b" -> BOOKMARKED;
                        case "r" -> REBLOGGED;
                        default -> PINNED;
                    };
                    flags.merge(id, flag, (a, b) -> (byte) (a | b));
                });
        return flags;
    }
}
