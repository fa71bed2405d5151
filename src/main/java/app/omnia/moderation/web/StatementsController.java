package app.omnia.moderation.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.AppealService;
import app.omnia.moderation.domain.Appeal;
import app.omnia.moderation.domain.ModerationPolicy;
import app.omnia.moderation.domain.Statement;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Statements of reasons for the account affected, appeals, and (staff) the export and the appeals to decide. */
@RestController
class StatementsController {

    private final AppealService appeals;
    private final StatementJsons json;

    StatementsController(AppealService appeals, StatementJsons json) {
        this.appeals = appeals;
        this.json = json;
    }

    @GetMapping("/api/omnia/v1/statements")
    @RequiresScope("read")
    List<Map<String, Object>> own(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 40);
        List<Statement> found = appeals.own(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, found.stream().map(Statement::id).toList(), page.limit());
        return found.stream().map(json::own).toList();
    }

    @GetMapping("/api/omnia/v1/statements/{id}")
    @RequiresScope("read")
    Map<String, Object> one(@PathVariable String id) {
        return json.own(appeals.ownStatement(CurrentViewer.requireAccountId(), PathIds.parse(id)));
    }

    @PostMapping("/api/omnia/v1/statements/{id}/appeal")
    @RequiresScope("write")
    Map<String, Object> appeal(@PathVariable String id, Params params) {
        return StatementJsons.appeal(appeals.appeal(CurrentViewer.requireAccountId(), PathIds.parse(id),
                params.string("text").orElse(null)));
    }

    @GetMapping("/api/omnia/v1/admin/statements/export")
    @RequiresScope("admin:read")
    List<Map<String, Object>> export(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(100, 500);
        List<Statement> found = appeals.all(CurrentViewer.require(), page);
        LinkHeader.set(request, response, found.stream().map(Statement::id).toList(), page.limit());
        return found.stream().map(json::export).toList();
    }

    @GetMapping("/api/omnia/v1/admin/appeals")
    @RequiresScope("admin:read:reports")
    List<Map<String, Object>> pending(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(20, 80);
        Viewer viewer = CurrentViewer.require();
        List<Appeal> found = appeals.pending(viewer, page);
        LinkHeader.set(request, response, found.stream().map(Appeal::id).toList(), page.limit());
        return found.stream().map(a -> {
            Statement statement = appeals.statementOf(a);
            Map<String, Object> body = new java.util.LinkedHashMap<>(StatementJsons.appeal(a));
            body.put("statement", json.own(statement));
            // Tells the console up front who may decide: never the moderator whose decision is appealed.
            body.put("moderator_id", statement.moderatorId() == null ? null : String.valueOf(statement.moderatorId()));
            body.put("can_decide", ModerationPolicy.canDecideAppeal(viewer, statement.moderatorId()));
            return body;
        }).toList();
    }

    @PostMapping("/api/omnia/v1/admin/appeals/{id}/decide")
    @RequiresScope("admin:write:reports")
    Map<String, Object> decide(@PathVariable String id, Params params) {
        Viewer viewer = CurrentViewer.require();
        boolean reverse = switch (params.required("outcome")) {
            case "reversed" -> true;
            case "upheld" -> false;
            default -> throw ApiException.validation("outcome", "ERR_INCLUSION", "outcome must be upheld or reversed");
        };
        return StatementJsons.appeal(appeals.decide(viewer, PathIds.parse(id), reverse, params.string("text").orElse(null)));
    }
}
