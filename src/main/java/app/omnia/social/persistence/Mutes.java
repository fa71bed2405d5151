package app.omnia.social.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/**
 * Who mutes whom, until when. An expired mute is simply no longer found. Each account's mutes are read on
 * every timeline page, so they are cached with their expiry (checked at each read) and evicted by every change
 * (here: nothing else writes the table).
 */
@Repository
public class Mutes {

    public record Mute(long id, long targetAccountId, boolean hideNotifications, Instant expiresAt) {

        boolean activeAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    /** Every mute of an account, expired ones included: they are filtered at read time, so no eviction is due. */
    private final SharedCache<List<Mute>> byAccount;

    public Mutes(JdbcClient jdbc, SharedCaches caches, CacheSettings settings) {
        this.jdbc = jdbc;
        this.byAccount = caches.create("mutes", settings.accounts());
    }

    /** Mutes, or changes an existing mute's options. */
    public void put(long id, long accountId, long targetId, boolean hideNotifications, Instant expiresAt, Instant now) {
        jdbc.sql("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?").params(accountId, targetId).update();
        jdbc.sql("""
                INSERT INTO mutes (id, account_id, target_account_id, hide_notifications, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(id, accountId, targetId, hideNotifications, SqlTime.of(expiresAt), SqlTime.of(now)).update();
        byAccount.invalidateAtOnce(List.of(accountId));
    }

    public boolean remove(long accountId, long targetId) {
        boolean removed = jdbc.sql("DELETE FROM mutes WHERE account_id = ? AND target_account_id = ?")
                .params(accountId, targetId).update() > 0;
        byAccount.invalidateAtOnce(List.of(accountId));
        return removed;
    }

    /** The accounts muted by {@code accountId} right now; with {@code notificationsOnly}, those whose notifications are hidden. */
    public Set<Long> muted(long accountId, boolean notificationsOnly, Instant now) {
        Set<Long> muted = new HashSet<>();
        for (Mute mute : byAccount.getAll(List.of(accountId), ids -> Map.of(accountId, all(accountId))).get(accountId)) {
            if (mute.activeAt(now) && (!notificationsOnly || mute.hideNotifications())) {
                muted.add(mute.targetAccountId());
            }
        }
        return muted;
    }

    private List<Mute> all(long accountId) {
        return jdbc.sql("SELECT * FROM mutes WHERE account_id = ?").param(accountId).query(Mutes::mute).list();
    }

    private static Mute mute(ResultSet rs, int row) throws SQLException {
        return new Mute(rs.getLong("id"), rs.getLong("target_account_id"), rs.getBoolean("hide_notifications"),
                SqlTime.read(rs, "expires_at"));
    }

    public List<Mute> page(long accountId, PageRequest page, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("a", accountId);
        params.put("now", SqlTime.of(now));
        String sql = SqlPaging.apply("SELECT * FROM mutes WHERE account_id = :a "
                + "AND (expires_at IS NULL OR expires_at > :now)", page, params);
        return SqlPaging.newestFirst(jdbc.sql(sql).params(params).query(Mutes::mute).list(), page);
    }
}
