package app.omnia.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.security.Scopes;

/** OAuth access tokens, stored as SHA-256 hashes. Revoked tokens keep their row for the record. */
@Repository
public class AccessTokens {

    public record Token(long id, long applicationId, Long accountId, Set<String> scopes, Instant createdAt) {}

    private final JdbcClient jdbc;

    public AccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, String tokenHash, long applicationId, Long accountId, Set<String> scopes,
                       Instant createdAt) {
        jdbc.sql("""
                INSERT INTO oauth_access_tokens (id, token_hash, application_id, account_id, scopes, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(id, tokenHash, applicationId, accountId, Scopes.format(scopes), SqlTime.of(createdAt))
                .update();
    }

    public Optional<Token> findActive(String tokenHash) {
        return jdbc.sql("""
                SELECT id, application_id, account_id, scopes, created_at FROM oauth_access_tokens
                WHERE token_hash = ? AND revoked_at IS NULL
                """)
                .param(tokenHash)
                .query((rs, i) -> new Token(rs.getLong("id"), rs.getLong("application_id"),
                        (Long) rs.getObject("account_id", Long.class), Scopes.parse(rs.getString("scopes")),
                        SqlTime.read(rs, "created_at")))
                .optional();
    }

    /** Revokes the token only if it belongs to this application; returns whether a row changed. */
    public boolean revoke(String tokenHash, long applicationId, Instant now) {
        return jdbc.sql("""
                UPDATE oauth_access_tokens SET revoked_at = ?
                WHERE token_hash = ? AND application_id = ? AND revoked_at IS NULL
                """).params(SqlTime.of(now), tokenHash, applicationId).update() > 0;
    }

    public int revokeAllOf(long accountId, Instant now) {
        return jdbc.sql("UPDATE oauth_access_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(SqlTime.of(now), accountId).update();
    }
}
