package app.omnia.moderation.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Trusted flaggers (DSA art. 22) as stored. */
@Repository
public class TrustedFlaggerRows {

    public record Flagger(long accountId, long grantedBy, String note, Instant createdAt) {}

    private final JdbcClient jdbc;

    public TrustedFlaggerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean add(long accountId, long grantedBy, String note, Instant at) {
        return jdbc.sql("""
                INSERT INTO moderation_trusted_flaggers (account_id, granted_by, note, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(accountId, grantedBy, note, SqlTime.of(at)).update() == 1;
    }

    public boolean remove(long accountId) {
        return jdbc.sql("DELETE FROM moderation_trusted_flaggers WHERE account_id = ?").param(accountId).update() == 1;
    }

    public Set<Long> among(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT account_id FROM moderation_trusted_flaggers WHERE account_id IN (:ids)")
                .param("ids", accountIds).query(Long.class).list());
    }

    /** Oldest first, at most {@code limit}. */
    public List<Flagger> list(int limit) {
        return jdbc.sql("SELECT * FROM moderation_trusted_flaggers ORDER BY created_at, account_id LIMIT ?").param(limit)
                .query((rs, i) -> new Flagger(rs.getLong("account_id"), rs.getLong("granted_by"), rs.getString("note"),
                        SqlTime.read(rs, "created_at"))).list();
    }
}
