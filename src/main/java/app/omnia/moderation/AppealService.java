package app.omnia.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.moderation.domain.Appeal;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Statement;
import app.omnia.moderation.persistence.Appeals;
import app.omnia.moderation.persistence.Statements;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;

/**
 * Statements of reasons as their accounts see them, and appeals (DSA art. 20): the account affected appeals
 * once per statement; a moderator other than the one who acted upholds or reverses it, and a reversal undoes
 * the decision.
 */
@Service
public class AppealService {

    public static final int MAX_TEXT = 5000;

    private final Statements statements;
    private final Appeals appeals;
    private final ModerationActions actions;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    AppealService(Statements statements, Appeals appeals, ModerationActions actions, AuditLog audit, IdGenerator ids,
                  Clock clock) {
        this.statements = statements;
        this.appeals = appeals;
        this.actions = actions;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Statement> own(long accountId, PageRequest page) {
        return statements.page(accountId, page);
    }

    /** A statement of the viewer's own; anyone else's is 404. */
    public Statement ownStatement(long accountId, long id) {
        return statements.find(id).filter(s -> ModerationPolicy.canSeeStatement(accountId, s.accountId()))
                .orElseThrow(ApiException::notFound);
    }

    public Optional<Appeal> appealOf(long statementId) {
        return appeals.ofStatement(statementId);
    }

    /** Every statement, for the transparency database export (staff only). */
    public List<Statement> all(Viewer viewer, PageRequest page) {
        require(ModerationPolicy.canModerate(viewer));
        return statements.page(null, page);
    }

    @Transactional
    public Appeal appeal(long accountId, long statementId, String text) {
        Statement statement = ownStatement(accountId, statementId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.validation("text", "ERR_BLANK", "text can't be blank");
        }
        if (body.length() > MAX_TEXT) {
            throw ApiException.validation("text", "ERR_TOO_LONG", "text is too long (maximum is 5000 characters)");
        }
        if (statement.reversedAt() != null) {
            throw ApiException.unprocessable("This decision was already reversed");
        }
        Appeal appeal = new Appeal(ids.next(), statementId, accountId, body, null, null, null, clock.instant(), null);
        if (!appeals.insert(appeal)) {
            throw ApiException.conflict("This decision was already appealed");
        }
        audit.record(accountId, "appeal.file", "statement", statementId, "appeal=" + appeal.id());
        return appeal;
    }

    public List<Appeal> pending(Viewer viewer, PageRequest page) {
        require(ModerationPolicy.canModerate(viewer));
        return appeals.pending(page);
    }

    public Statement statementOf(Appeal appeal) {
        return statements.find(appeal.statementId()).orElseThrow(ApiException::notFound);
    }

    @Transactional
    public Appeal decide(Viewer viewer, long appealId, boolean reverse, String text) {
        require(ModerationPolicy.canModerate(viewer));
        Appeal appeal = appeals.find(appealId).orElseThrow(ApiException::notFound);
        Statement statement = statementOf(appeal);
        if (!ModerationPolicy.canDecideAppeal(viewer, statement.moderatorId())) {
            throw ApiException.forbidden("An appeal is decided by a moderator other than the one who acted");
        }
        String body = text == null ? "" : text.strip();
        if (body.length() > MAX_TEXT) {
            throw ApiException.validation("text", "ERR_TOO_LONG", "text is too long (maximum is 5000 characters)");
        }
        if (!appeals.decide(appealId, reverse ? Appeal.REVERSED : Appeal.UPHELD, viewer.accountId(), body,
                clock.instant())) {
            throw ApiException.conflict("This appeal was already decided");
        }
        if (reverse && statements.reverse(statement.id(), clock.instant())) {
            actions.undo(viewer, statement);
        }
        audit.record(viewer.accountId(), reverse ? "appeal.reverse" : "appeal.uphold", "statement", statement.id(),
                "appeal=" + appealId);
        return appeals.find(appealId).orElseThrow();
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw ApiException.forbidden("This action is not allowed");
        }
    }
}
