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

import app.omnia.moderation.domain.IllegalCategory;
import app.omnia.moderation.domain.Report;
import app.omnia.moderation.domain.ReportCategory;
import app.omnia.platform.persistence.SqlPaging;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.web.PageRequest;

/** Reports, the items they name and the chat messages copied as evidence. */
@Repository
public class Reports {

    private final JdbcClient jdbc;

    public Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Report r, List<Report.Item> items, List<Report.Evidence> evidence) {
        jdbc.sql("""
                INSERT INTO reports (id, account_id, target_account_id, category, illegal_category, comment, forwarded,
                    rule_ids, severity, created_at, updated_at, trusted_flagger)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(r.id(), r.accountId(), r.targetAccountId(), r.category().key(),
                r.illegalCategory() == null ? null : r.illegalCategory().key(), r.comment(), r.forwarded(),
                joined(r.ruleIds()), r.severity(),
                SqlTime.of(r.createdAt()), SqlTime.of(r.updatedAt()), r.trustedFlagger()).update();
        for (Report.Item item : items) {
            jdbc.sql("INSERT INTO report_items (report_id, item_kind, item_id) VALUES (?, ?, ?)")
                    .params(r.id(), item.kind(), item.id()).update();
        }
        for (Report.Evidence e : evidence) {
            jdbc.sql("""
                    INSERT INTO report_evidence (report_id, message_id, conversation_id, sender_id, text, encrypted, sent_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).params(r.id(), e.messageId(), e.conversationId(), e.senderId(), e.text(), e.encrypted(),
                    SqlTime.of(e.sentAt())).update();
            for (int i = 0; i < e.mediaFiles().size(); i++) {
                jdbc.sql("INSERT INTO report_evidence_media (report_id, message_id, position, file_name) VALUES (?, ?, ?, ?)")
                        .params(r.id(), e.messageId(), i, e.mediaFiles().get(i)).update();
            }
        }
    }

    public Optional<Report> find(long id) {
        return jdbc.sql("SELECT * FROM reports WHERE id = ?").param(id).query(Reports::map).optional();
    }

    public List<Report.Item> items(long reportId) {
        return jdbc.sql("SELECT item_kind, item_id FROM report_items WHERE report_id = ? ORDER BY item_kind, item_id")
                .param(reportId).query((rs, i) -> new Report.Item(rs.getString("item_kind"), rs.getLong("item_id")))
                .list();
    }

    public List<Report.Evidence> evidence(long reportId) {
        Map<Long, List<String>> media = new HashMap<>();
        jdbc.sql("SELECT message_id, file_name FROM report_evidence_media WHERE report_id = ? ORDER BY message_id, position")
                .param(reportId).query(rs -> {
                    media.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>()).add(rs.getString("file_name"));
                });
        return jdbc.sql("SELECT * FROM report_evidence WHERE report_id = ? ORDER BY message_id").param(reportId)
                .query((rs, i) -> new Report.Evidence(rs.getLong("message_id"), rs.getLong("conversation_id"),
                        rs.getLong("sender_id"), rs.getString("text"), rs.getBoolean("encrypted"),
                        media.getOrDefault(rs.getLong("message_id"), List.of()), SqlTime.read(rs, "sent_at"))).list();
    }

    /** Distinct accounts with an open report on this item filed after {@code since}. */
    public List<Long> openReporters(Report.Item item, Instant since) {
        return jdbc.sql("""
                SELECT DISTINCT r.account_id FROM reports r JOIN report_items i ON i.report_id = r.id
                WHERE i.item_kind = ? AND i.item_id = ? AND r.action_taken_at IS NULL AND r.created_at > ?
                """).params(item.kind(), item.id(), SqlTime.of(since)).query(Long.class).list();
    }

    /** How many reports of each of these accounts were dismissed since then. */
    public Map<Long, Long> dismissedCounts(List<Long> accountIds, Instant since) {
        Map<Long, Long> counts = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, COUNT(*) AS n FROM reports WHERE outcome = 'dismissed' AND account_id IN (:ids) "
                    + "AND action_taken_at >= :since GROUP BY account_id").param("ids", accountIds)
                    .param("since", SqlTime.of(since))
                    .query(rs -> {
                        counts.put(rs.getLong("account_id"), rs.getLong("n"));
                    });
        }
        return counts;
    }

    /** A reporter's decided reports since then: {dismissed, all decided}. */
    public long[] decidedSince(long accountId, Instant since) {
        return jdbc.sql("""
                SELECT COUNT(CASE WHEN outcome = 'dismissed' THEN 1 END) AS dismissed, COUNT(*) AS decided
                FROM reports WHERE account_id = ? AND action_taken_at IS NOT NULL AND action_taken_at >= ?
                """).params(accountId, SqlTime.of(since))
                .query((rs, i) -> new long[] {rs.getLong("dismissed"), rs.getLong("decided")}).single();
    }

    /** Mastodon's admin list: newest first, paged by id, filtered. */
    public List<Report> page(Boolean resolved, Long accountId, Long targetAccountId, PageRequest page) {
        StringBuilder where = new StringBuilder("SELECT * FROM reports WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (resolved != null) {
            where.append(resolved ? " AND action_taken_at IS NOT NULL" : " AND action_taken_at IS NULL");
        }
        if (accountId != null) {
            where.append(" AND account_id = :account");
            params.put("account", accountId);
        }
        if (targetAccountId != null) {
            where.append(" AND target_account_id = :target");
            params.put("target", targetAccountId);
        }
        String sql = SqlPaging.apply(where.toString(), page, params);
        return SqlPaging.newestFirst(new ArrayList<>(jdbc.sql(sql).params(params).query(Reports::map).list()), page);
    }

    /** The open queue: trusted flaggers' reports first (DSA art. 22), then gravest first, then oldest first. */
    public List<Report> queue(int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM reports WHERE action_taken_at IS NULL
                ORDER BY trusted_flagger DESC, severity DESC, id ASC LIMIT ? OFFSET ?
                """).params(limit, offset).query(Reports::map).list();
    }

    public void assign(long id, Long moderatorId, Instant at) {
        jdbc.sql("UPDATE reports SET assigned_account_id = ?, updated_at = ? WHERE id = ?")
                .params(moderatorId, SqlTime.of(at), id).update();
    }

    /** Closes an open report; false if it was already closed (so the caller acts once). */
    public boolean close(long id, long moderatorId, String outcome, Instant at) {
        return jdbc.sql("""
                UPDATE reports SET action_taken_at = ?, action_taken_by_account_id = ?, outcome = ?, updated_at = ?
                WHERE id = ? AND action_taken_at IS NULL
                """).params(SqlTime.of(at), moderatorId, outcome, SqlTime.of(at), id).update() == 1;
    }

    /** A moderator's reclassification (Mastodon's update): the category, the rules cited and the queue weight. */
    public void reclassify(long id, ReportCategory category, List<Long> ruleIds, int severity, Instant at) {
        jdbc.sql("UPDATE reports SET category = ?, rule_ids = ?, severity = ?, updated_at = ? WHERE id = ?")
                .params(category.key(), joined(ruleIds), severity, SqlTime.of(at), id).update();
    }

    public void reopen(long id, Instant at) {
        jdbc.sql("""
                UPDATE reports SET action_taken_at = NULL, action_taken_by_account_id = NULL, outcome = NULL,
                    updated_at = ? WHERE id = ?
                """).params(SqlTime.of(at), id).update();
    }

    private static String joined(List<Long> ruleIds) {
        return String.join(",", ruleIds.stream().map(String::valueOf).toList());
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        String rules = rs.getString("rule_ids");
        String illegal = rs.getString("illegal_category");
        return new Report(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("target_account_id"),
                ReportCategory.fromKey(rs.getString("category")).orElse(ReportCategory.OTHER),
                illegal == null ? null : IllegalCategory.fromKey(illegal).orElse(null), rs.getString("comment"),
                rs.getBoolean("forwarded"),
                rules.isEmpty() ? List.of() : Arrays.stream(rules.split(",")).map(Long::parseLong).toList(),
                rs.getInt("severity"), rs.getObject("assigned_account_id", Long.class),
                rs.getObject("action_taken_by_account_id", Long.class), SqlTime.read(rs, "action_taken_at"),
                rs.getString("outcome"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"),
                rs.getBoolean("trusted_flagger"));
    }
}
