package app.omnia.moderation.web;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.moderation.AppealService;
import app.omnia.moderation.domain.Appeal;
import app.omnia.moderation.domain.Statement;
import app.omnia.platform.web.JsonTime;

/**
 * Statements of reasons as the affected account reads them, and in the EU DSA transparency database's
 * submission field names for the export.
 */
@Component
class StatementJsons {

    /** Redress open to the account affected (DSA art. 17(3)(f)). */
    static final List<String> REDRESS = List.of("internal_appeal", "out_of_court_dispute_settlement", "judicial_redress");

    private final AppealService appeals;

    StatementJsons(AppealService appeals) {
        this.appeals = appeals;
    }

    Map<String, Object> own(Statement s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(s.id()));
        json.put("decision", s.decision().key());
        json.put("subject", Map.of("type", s.subjectKind(), "id", String.valueOf(s.subjectId())));
        json.put("report_id", s.reportId() == null ? null : String.valueOf(s.reportId()));
        json.put("facts", s.facts());
        json.put("decision_ground", s.decisionGround());
        json.put("legal_ground", s.legalGround());
        json.put("category", s.category());
        json.put("automated_detection", s.automatedDetection());
        json.put("automated_decision", s.automatedDecision());
        json.put("territorial_scope", s.territorialScope());
        json.put("created_at", JsonTime.of(s.createdAt()));
        json.put("ends_at", JsonTime.of(s.endsAt()));
        json.put("reversed_at", JsonTime.of(s.reversedAt()));
        json.put("redress", Map.of("options", REDRESS,
                "appeal_url", "/api/omnia/v1/statements/" + s.id() + "/appeal"));
        json.put("appeal", appeals.appealOf(s.id()).map(StatementJsons::appeal).orElse(null));
        return json;
    }

    static Map<String, Object> appeal(Appeal a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(a.id()));
        json.put("statement_id", String.valueOf(a.statementId()));
        json.put("state", a.outcome() == null ? "pending" : a.outcome());
        json.put("text", a.text());
        json.put("decision_text", a.decisionText());
        json.put("created_at", JsonTime.of(a.createdAt()));
        json.put("decided_at", JsonTime.of(a.decidedAt()));
        return json;
    }

    /** One statement as the transparency database's {@code POST /api/v1/statement} expects it. */
    Map<String, Object> export(Statement s) {
        Map<String, Object> json = new LinkedHashMap<>();
        String visibility = s.decision().decisionVisibility();
        json.put("decision_visibility", visibility == null ? List.of() : List.of(visibility));
        if ("DECISION_VISIBILITY_OTHER".equals(visibility)) {
            json.put("decision_visibility_other", "Warning, no restriction");
        }
        if (visibility != null && s.endsAt() != null) {
            json.put("end_date_visibility_restriction", date(s.endsAt()));
        }
        json.put("decision_account", s.decision().decisionAccount());
        if (s.decision().decisionAccount() != null && s.endsAt() != null) {
            json.put("end_date_account_restriction", date(s.endsAt()));
        }
        if (s.decision().decisionMonetary() != null) {
            json.put("decision_monetary", s.decision().decisionMonetary());
        }
        json.put("account_type", "ACCOUNT_TYPE_PRIVATE");
        json.put("decision_ground", s.decisionGround());
        if (Statement.ILLEGAL.equals(s.decisionGround())) {
            json.put("illegal_content_legal_ground", s.legalGround());
            json.put("illegal_content_explanation", s.facts());
        } else {
            json.put("incompatible_content_ground", s.legalGround().isEmpty() ? "Terms of service" : s.legalGround());
            json.put("incompatible_content_explanation", s.facts());
            json.put("incompatible_content_illegal", "No");
        }
        json.put("category", s.category());
        json.put("content_type", Arrays.asList(s.contentType().split(",")));
        if (s.contentType().equals("CONTENT_TYPE_OTHER")) {
            json.put("content_type_other", "Account");
        }
        json.put("content_date", date(s.contentDate() == null ? s.createdAt() : s.contentDate()));
        json.put("application_date", date(s.createdAt()));
        json.put("territorial_scope", s.territorialScope());
        json.put("decision_facts", s.facts().isEmpty() ? "Decision " + s.decision().key() : s.facts());
        json.put("source_type", s.sourceType());
        json.put("automated_detection", s.automatedDetection() ? "Yes" : "No");
        json.put("automated_decision", s.automatedDecision());
        json.put("puid", "omnia-statement-" + s.id());
        return json;
    }

    private static String date(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
