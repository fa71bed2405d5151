package app.omnia.identity.persistence;

import java.time.Instant;
import java.util.List;
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

    /** An active token with its account (null for an app-only token). */
    public record Active(Token token, app.omnia.identity.Account account) {}

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

    /** The active token and its account in one query (every authenticated request needs both). */
    public Optional<Active> findActiveWithAccount(String tokenHash) {
        return jdbc.sql("""
                SELECT t.id AS token_id, t.application_id AS token_application_id, t.account_id AS token_account_id,
                       t.scopes AS token_scopes, t.created_at AS token_created_at, a.*
                FROM oauth_access_tokens t LEFT JOIN accounts a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL
                """)
                .param(tokenHash)
                .query((rs, i) -> {
                    Long accountId = rs.getObject("token_account_id", Long.class);
                    Token token = new Token(rs.getLong("token_id"), rs.getLong("token_application_id"), accountId,
                            Scopes.parse(rs.getString("token_scopes")), SqlTime.read(rs, "token_created_at"));
                    return new Active(token, accountId == null || rs.getObject("username") == null ? null
                            : Accounts.map(rs, i));
                })
                .optional();
    }

    /** The hashes of the account's active tokens (to evict them from the cache when they are all revoked). */
    public List<String> activeHashesOf(long accountId) {
        return jdbc.sql("SELECT token_hash FROM oauth_access_tokens WHERE account_id = ? AND revoked_at IS NULL")
                .param(accountId).query(String.class).list();
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
