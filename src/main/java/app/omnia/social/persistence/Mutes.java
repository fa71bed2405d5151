package app.omnia.social.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Who mutes whom, until when. An expired mute is simply no longer found. */
@Repository
public class Mutes {

    public record Mute(long id, long targetAccountId, boolean hideNotifications, Instant expiresAt) {}

    private final JdbcClient jdbc;

    public Mutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Mutes, or changes an existing mute's options. */
    public void put(long id, long accountId, long targetId, boolean hideNotifications, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?").params(accountId, targetId).update();
        jdbc.sql("""
                INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(id, accountId, targetId, hideNotifications, SqlTime.of(expiresAt), SqlTime.of(now)).update();
    }

    public boolean remove(long accountId, long targetId) {
        return jdbc.sql("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
    }

    /** The accounts muted by {@code accountId} right now; with {@code notificationsOnly}, those whose notifications are hidden. */
    public Set<Long> muted(long accountId, boolean notificationsOnly, Instant now) {
        return new HashSet<>(jdbc.sql("SELECT target_account_id FROM mutes WHERE account_id = :a "
                        + "AND (expires_at IS NULL OR expires_at > :now)"
                        + (notificationsOnly ? " AND hide_notifications = TRUE" : ""))
                .param("a", accountId).param("now", SqlTime.of(now)).query(Long.class).list());
    }

    public List<Mute> page(long accountId, PageRequest page, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        params.put("now", SqlTime.of(now));
        String sql = SqlPaging.apply("SELECT * FROM mutes WHERE account_id = :a "
                + "AND (expires_at IS NULL OR expires_at > :now)", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query((rs, i) -> new Mute(rs.getLong("id"),
                rs.getLong("target_account_id"), rs.getBoolean("hide_notifications"),
                SqlTime.read(rs, "expires_at"))).list(), page);
    }
}
