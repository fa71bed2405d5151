package app.omnia.social.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What one viewer did to the statuses of a page — favourited, bookmarked, reblogged, pinned — in a single
 * query. Never cached across viewers: it is read for every page, whatever the status cache holds.
 */
@Repository
public class ViewerStates {

    /** The statuses (by id) the viewer favourited, bookmarked, reblogged and pinned. */
    public record State(Set<Long> favourited, Set<Long> bookmarked, Set<Long> reblogged, Set<Long> pinned) {
        public static final State NONE = new State(Set.of(), Set.of(), Set.of(), Set.of());
    }

    private final JdbcClient jdbc;

    ViewerStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public State of(Long viewerId, Collection<Long> statusIds) {
        if (viewerId == null || statusIds.isEmpty()) {
            return State.NONE;
        }
        State state = new State(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        jdbc.sql("""
                SELECT 'f' AS k, status_id AS id FROM favourites WHERE account_id = :v AND status_id IN (:ids)
                UNION ALL SELECT 'b' AS k, status_id AS id FROM bookmarks WHERE account_id = :v AND status_id IN (:ids)
                UNION ALL SELECT 'r' AS k, reblog_of_id AS id FROM statuses WHERE account_id = :v AND reblog_of_id IN (:ids)
                UNION ALL SELECT 'p' AS k, status_id AS id FROM status_pins WHERE account_id = :v AND status_id IN (:ids)
                """).param("v", viewerId).param("ids", statusIds).query(rs -> {
                    long id = rs.getLong("id");
                    switch (rs.getString("k")) {
                        case "f" -> state.favourited().add(id);
                        case "b" -> state.bookmarked().add(id);
                        case "r" -> state.reblogged().add(id);
                        default -> state.pinned().add(id);
                    }
                });
        return state;
    }
}
