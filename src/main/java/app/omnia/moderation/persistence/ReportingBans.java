package app.omnia.moderation.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** Periods during which an account may not report (DSA art. 23(2)). */
@Repository
public class ReportingBans {

    public record Ban(long id, long accountId, long statementId, Instant startsAt, Instant endsAt) {}

    private final JdbcClient jdbc;

    public ReportingBans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Ban ban) {
        jdbc.sql("""
                INSERT INTO moderation_reporting_bans (id, account_id, statement_id, starts_at, ends_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(ban.id(), ban.accountId(), ban.statementId(), SqlTime.of(ban.startsAt()),
                SqlTime.of(ban.endsAt())).update();
    }

    /** The ban in force now, if any (the one ending last). */
    public Optional<Ban> active(long accountId, Instant now) {
        return jdbc.sql("""
                SELECT * FROM moderation_reporting_bans WHERE account_id = ? AND ends_at > ? ORDER BY ends_at DESC LIMIT 1
                """).params(accountId, SqlTime.of(now))
                .query((rs, i) -> new Ban(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("statement_id"),
                        SqlTime.read(rs, "starts_at"), SqlTime.read(rs, "ends_at"))).optional();
    }

    /** Ends the ban a statement announced (its appeal was upheld for the user). */
    public void liftByStatement(long statementId, Instant now) {
        jdbc.sql("UPDATE moderation_reporting_bans SET ends_at = ? WHERE statement_id = ? AND ends_at > ?")
                .params(SqlTime.of(now), statementId, SqlTime.of(now)).update();
    }
}
