package app.omnia.moderation.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.moderation.domain.Transparency;
import app.omnia.platform.persistence.SqlTime;

/** The rows a transparency report is computed from: reports filed and decisions taken in a period. */
@Repository
public class TransparencyRows {

    private final JdbcClient jdbc;

    public TransparencyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Transparency.ReportRow> reports(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT category, illegal_category, trusted_flagger, created_at, action_taken_at, outcome FROM reports
                WHERE created_at >= ? AND created_at < ?
                """).params(SqlTime.of(from), SqlTime.of(to))
                .query((rs, i) -> new Transparency.ReportRow(rs.getString("category"), rs.getString("illegal_category"),
                        rs.getBoolean("trusted_flagger"), SqlTime.read(rs, "created_at"),
                        "actioned".equals(rs.getString("outcome")) ? SqlTime.read(rs, "action_taken_at") : null))
                .list();
    }

    public List<Transparency.DecisionRow> decisions(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT action, automated_decision, created_at FROM moderation_statements
                WHERE created_at >= ? AND created_at < ?
                """).params(SqlTime.of(from), SqlTime.of(to))
                .query((rs, i) -> new Transparency.DecisionRow(rs.getString("action"),
                        !"AUTOMATED_DECISION_NOT_AUTOMATED".equals(rs.getString("automated_decision")),
                        SqlTime.read(rs, "created_at"))).list();
    }
}
