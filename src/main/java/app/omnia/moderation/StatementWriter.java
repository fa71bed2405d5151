package app.omnia.moderation;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.IllegalCategory;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.Statements;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.audit.AuditLog;

/**
 * Writes, in the caller's transaction, the two records every moderation decision leaves: a statement of
 * reasons for the account affected and an audit-log entry for staff.
 */
@Component
class StatementWriter {

    /** What was decided about what, by whom, on which report. */
    record Subject(long accountId, String kind, long id, String contentType, Instant contentDate) {}

    private final Statements statements;
    private final AuditLog audit;
    private final ModerationSettings settings;
    private final IdGenerator ids;
    private final Clock clock;

    StatementWriter(Statements statements, AuditLog audit, ModerationSettings settings, IdGenerator ids, Clock clock) {
        this.statements = statements;
        this.audit = audit;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    Statement write(Decision decision, Subject subject, Long moderatorId, Long reportId, Grounds grounds,
                    boolean automated, Instant endsAt) {
        IllegalCategory illegal = grounds.illegal() ? grounds.illegalCategory() : null;
        Statement statement = new Statement(ids.next(), subject.accountId(), moderatorId, reportId, decision,
                subject.kind(), subject.id(), grounds.illegal() ? Statement.ILLEGAL : Statement.INCOMPATIBLE,
                illegal == null ? IllegalCategory.TERMS_CATEGORY : illegal.statementCategory(),
                grounds.legalGround() == null ? "" : grounds.legalGround(),
                grounds.facts() == null ? "" : grounds.facts(),
                false, automated ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED",
                reportId == null ? "SOURCE_VOLUNTARY" : "SOURCE_ARTICLE_16",
                grounds.territorialScope() == null || grounds.territorialScope().isEmpty()
                        ? settings.territorialScope() : grounds.territorialScope(),
                subject.contentType(), subject.contentDate(), endsAt, null, clock.instant());
        statements.insert(statement);
        audit.record(moderatorId, (decision.onItem() ? "content." : "account.") + decision.key(),
                subject.kind(), subject.id(), "statement=" + statement.id()
                        + (reportId == null ? "" : " report=" + reportId) + (automated ? " automated" : ""));
        return statement;
    }
}
