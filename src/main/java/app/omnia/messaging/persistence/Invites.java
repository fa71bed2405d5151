package app.omnia.messaging.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Group invite links, found by the hash of their token (the token itself is never stored). */
@Repository
public class Invites {

    public record Invite(long id, long conversationId, long createdBy, Instant createdAt, Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** Most links listed at once; a group keeps revoked ones too, newest first. */
    public static final int MAX_LISTED = 100;

    private final JdbcClient jdbc;

    public Invites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, long conversationId, String tokenHash, long createdBy, Instant at) {
        jdbc.sql("INSERT INTO chat_invites (id, conversation_id, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, conversationId, tokenHash, createdBy, SqlTime.of(at)).update();
    }

    public Optional<Invite> byTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM chat_invites WHERE token_hash = ?").param(tokenHash).query(Invites::map).optional();
    }

    public Optional<Invite> find(long conversationId, long id) {
        return jdbc.sql("SELECT * FROM chat_invites WHERE conversation_id = ? AND id = ?").params(conversationId, id)
                .query(Invites::map).optional();
    }

    public List<Invite> of(long conversationId) {
        return jdbc.sql("SELECT * FROM chat_invites WHERE conversation_id = ? ORDER BY id DESC LIMIT ?")
                .params(conversationId, MAX_LISTED).query(Invites::map).list();
    }

    public void revoke(long id, Instant at) {
        jdbc.sql("UPDATE chat_invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(SqlTime.of(at), id)
                .update();
    }

    private static Invite map(ResultSet rs, int row) throws SQLException {
        return new Invite(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("created_by"),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "revoked_at"));
    }
}
