package app.omnia.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Signed-in browser sessions; the cookie holds a secret whose hash is the key here. */
@Repository
public class WebSessions {

    public record Session(long id, long accountId, Instant expiresAt) {}

    private final JdbcClient jdbc;

    public WebSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, String tokenHash, long accountId, String ip, String userAgent, Instant createdAt,
                       Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO web_sessions (id, token_hash, account_id, ip, user_agent, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, tokenHash, accountId, ip, userAgent == null ? null : truncate(userAgent, 512),
                        SqlTime.of(createdAt), SqlTime.of(expiresAt))
                .update();
    }

    public Optional<Session> findValid(String tokenHash, Instant now) {
        return jdbc.sql("SELECT id, account_id, expires_at FROM web_sessions WHERE token_hash = ? AND expires_at > ?")
                .params(tokenHash, SqlTime.of(now))
                .query((rs, i) -> new Session(rs.getLong("id"), rs.getLong("account_id"), SqlTime.read(rs, "expires_at")))
                .optional();
    }

    public List<String> hashesOf(long accountId) {
        return jdbc.sql("SELECT token_hash FROM web_sessions WHERE account_id = ?").param(accountId)
                .query(String.class).list();
    }

    public int deleteAllOf(long accountId) {
        return jdbc.sql("DELETE FROM web_sessions WHERE account_id = ?").param(accountId).update();
    }

    public void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM web_sessions WHERE expires_at <= ?").param(SqlTime.of(now)).update();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
