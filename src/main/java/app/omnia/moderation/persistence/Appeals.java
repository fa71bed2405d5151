package app.omnia.moderation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.moderation.domain.Appeal;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Appeals of statements of reasons. */
@Repository
public class Appeals {

    private final JdbcClient jdbc;

    public Appeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Files an appeal; false if the statement was already appealed. */
    public boolean insert(Appeal a) {
        return jdbc.sql("""
                INSERT INTO moderation_appeals (id, statement_id, account_id, text, created_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM moderation_appeals WHERE statement_id = ?)
                """).params(a.id(), a.statementId(), a.accountId(), a.text(), SqlTime.of(a.createdAt()),
                a.statementId()).update() == 1;
    }

    public Optional<Appeal> find(long id) {
        return jdbc.sql("SELECT * FROM moderation_appeals WHERE id = ?").param(id).query(Appeals::map).optional();
    }

    public Optional<Appeal> ofStatement(long statementId) {
        return jdbc.sql("SELECT * FROM moderation_appeals WHERE statement_id = ?").param(statementId)
                .query(Appeals::map).optional();
    }

    /** Decides a pending appeal; false if it was decided already. */
    public boolean decide(long id, String outcome, long decidedBy, String text, Instant at) {
        return jdbc.sql("""
                UPDATE moderation_appeals SET outcome = ?, decided_by = ?, decision_text = ?, decided_at = ?
                WHERE id = ? AND outcome IS NULL
                """).params(outcome, decidedBy, text, SqlTime.of(at), id).update() == 1;
    }

    public List<Appeal> pending(PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String sql = SqlPaging.apply("SELECT * FROM moderation_appeals WHERE outcome IS NULL", page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Appeals::map).list()), page);
    }

    private static Appeal map(ResultSet rs, int row) throws SQLException {
        return new Appeal(rs.getLong("id"), rs.getLong("statement_id"), rs.getLong("account_id"), rs.getString("text"),
                rs.getString("outcome"), rs.getObject("decided_by", Long.class), rs.getString("decision_text"),
                SqlTime.read(rs, "created_at"), SqlTime.read(rs, "decided_at"));
    }
}
