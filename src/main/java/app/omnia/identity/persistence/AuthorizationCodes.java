package app.omnia.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.security.Scopes;

/** Short-lived, single-use OAuth authorization codes, stored hashed. */
@Repository
public class AuthorizationCodes {

    public record Code(String codeHash, long applicationId, long accountId, String redirectUri, Set<String> scopes,
                       String codeChallenge, String codeChallengeMethod, Instant expiresAt) {}

    private final JdbcClient jdbc;

    public AuthorizationCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Code code) {
        jdbc.sql("""
                INSERT INTO oauth_authorization_codes (code_hash, application_id, account_id, redirect_uri, scopes,
                    code_challenge, code_challenge_method, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(code.codeHash(), code.applicationId(), code.accountId(), code.redirectUri(),
                        Scopes.format(code.scopes()), code.codeChallenge(), code.codeChallengeMethod(),
                        SqlTime.of(code.expiresAt()))
                .update();
    }

    /**
     * Deletes the code and returns it, so that it can be redeemed once only even when two requests race:
     * only the request whose DELETE removed the row gets it.
     */
    public Optional<Code> take(String codeHash) {
        Optional<Code> code = jdbc.sql("SELECT * FROM oauth_authorization_codes WHERE code_hash = ?")
                .param(codeHash)
                .query((rs, i) -> new Code(rs.getString("code_hash"), rs.getLong("application_id"),
                        rs.getLong("account_id"), rs.getString("redirect_uri"), Scopes.parse(rs.getString("scopes")),
                        rs.getString("code_challenge"), rs.getString("code_challenge_method"),
                        SqlTime.read(rs, "expires_at")))
                .optional();
        if (code.isEmpty()) {
            return code;
        }
        int deleted = jdbc.sql("DELETE FROM oauth_authorization_codes WHERE code_hash = ?").param(codeHash).update();
        return deleted == 1 ? code : Optional.empty();
    }

    public void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM oauth_authorization_codes WHERE expires_at < ?").param(SqlTime.of(now)).update();
    }
}
