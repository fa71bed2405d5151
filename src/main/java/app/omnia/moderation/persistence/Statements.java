package app.omnia.moderation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.Statement;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Statements of reasons. */
@Repository
public class Statements {

    private final JdbcClient jdbc;

    public Statements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Statement s) {
        jdbc.sql("""
                INSERT INTO moderation_statements (id, account_id, moderator_id, report_id, action, subject_kind,
                    subject_id, decision_ground, category, legal_ground, facts, automated_detection, automated_decision,
                    source_type, territorial_scope, content_type, content_date, ends_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(s.id(), s.accountId(), s.moderatorId(), s.reportId(), s.decision().key(), s.subjectKind(),
                s.subjectId(), s.decisionGround(), s.category(), s.legalGround(), s.facts(), s.automatedDetection(),
                s.automatedDecision(), s.sourceType(), String.join(",", s.territorialScope()), s.contentType(),
                SqlTime.of(s.contentDate()), SqlTime.of(s.endsAt()), SqlTime.of(s.createdAt())).update();
    }

    public Optional<Statement> find(long id) {
        return jdbc.sql("SELECT * FROM moderation_statements WHERE id = ?").param(id).query(Statements::map).optional();
    }

    public boolean reverse(long id, Instant at) {
        return jdbc.sql("UPDATE moderation_statements SET reversed_at = ? WHERE id = ? AND reversed_at IS NULL")
                .params(SqlTime.of(at), id).update() == 1;
    }

    /** One account's statements, or everyone's when {@code accountId} is null; newest first, paged by id. */
    public List<Statement> page(Long accountId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = "SELECT * FROM moderation_statements WHERE 1 = 1";
        if (accountId != null) {
            where += " AND account_id = :account";
            params.put("account", accountId);
        }
        String sql = SqlPaging.apply(where, page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Statements::map).list()), page);
    }

    /** An account's standing (not reversed) decisions of one kind on one ground since then. */
    public long countSince(long accountId, String action, String decisionGround, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM moderation_statements WHERE account_id = ? AND action = ? AND decision_ground = ?
                  AND created_at >= ? AND reversed_at IS NULL
                """).params(accountId, action, decisionGround, SqlTime.of(since)).query(Long.class).single();
    }

    /** Temporary suspensions whose end has come and that were neither reversed nor lifted yet. */
    public List<Statement> endedSuspensions(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM moderation_statements WHERE action = 'suspend' AND ends_at IS NOT NULL AND ends_at <= ?
                  AND reversed_at IS NULL ORDER BY ends_at LIMIT ?
                """).params(SqlTime.of(now), limit).query(Statements::map).list();
    }

    private static Statement map(ResultSet rs, int row) throws SQLException {
        String scope = rs.getString("territorial_scope");
        return new Statement(rs.getLong("id"), rs.getLong("account_id"), rs.getObject("moderator_id", Long.class),
                rs.getObject("report_id", Long.class), Decision.fromKey(rs.getString("action")),
                rs.getString("subject_kind"), rs.getLong("subject_id"), rs.getString("decision_ground"),
                rs.getString("category"), rs.getString("legal_ground"), rs.getString("facts"),
                rs.getBoolean("automated_detection"), rs.getString("automated_decision"), rs.getString("source_type"),
                scope.isEmpty() ? List.of() : Arrays.asList(scope.split(",")), rs.getString("content_type"),
                SqlTime.read(rs, "content_date"), SqlTime.read(rs, "ends_at"), SqlTime.read(rs, "reversed_at"),
                SqlTime.read(rs, "created_at"));
    }
}
