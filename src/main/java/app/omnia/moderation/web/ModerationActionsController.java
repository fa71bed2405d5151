package app.omnia.moderation.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.Grounds;
import app.omnia.moderation.ModerationActions;
import app.omnia.moderation.domain.Decision;
import app.omnia.moderation.domain.IllegalCategory;
import app.omnia.moderation.domain.Statement;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/**
 * Mastodon's {@code POST /api/v1/admin/accounts/:id/action} (answers {@code {}} as Mastodon does) and Omnia's
 * actions on one status or media item (answer the statement of reasons). The grounds parameters
 * ({@code illegal_category}, {@code legal_ground}, {@code territorial_scope[]}) are Omnia's.
 */
@RestController
class ModerationActionsController {

    private final ModerationActions actions;
    private final StatementJsons json;

    ModerationActionsController(ModerationActions actions, StatementJsons json) {
        this.actions = actions;
        this.json = json;
    }

    @PostMapping("/api/v1/admin/accounts/{id}/action")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> onAccount(@PathVariable String id, Params params) {
        long accountId = PathIds.parse(id);
        Decision decision = switch (params.required("type")) {
            case "none" -> Decision.WARN;
            case "sensitive" -> Decision.SENSITIZE;
            case "silence" -> Decision.SILENCE;
            case "suspend" -> Decision.SUSPEND;
            case "disable" -> Decision.DISABLE;
            default -> throw ApiException.validation("type", "ERR_INCLUSION",
                    "type must be one of: none, sensitive, disable, silence, suspend");
        };
        Instant until = params.string("suspended_until").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.validation("suspended_until", "ERR_INVALID",
                        "suspended_until must be a time like 2030-01-31T12:00:00Z");
            }
        }).orElse(null);
        actions.onAccount(CurrentViewer.require(), accountId, decision, reportId(params), grounds(params), until);
        return Map.of();
    }

    @PostMapping("/api/omnia/v1/admin/statuses/{id}/action")
    @RequiresScope("admin:write:reports")
    Map<String, Object> onStatus(@PathVariable String id, Params params) {
        return item("status", id, params);
    }

    @PostMapping("/api/omnia/v1/admin/media/{id}/action")
    @RequiresScope("admin:write:reports")
    Map<String, Object> onMedia(@PathVariable String id, Params params) {
        return item("media", id, params);
    }

    private Map<String, Object> item(String kind, String id, Params params) {
        long itemId = PathIds.parse(id);
        Decision decision = switch (params.required("type")) {
            case "remove" -> Decision.REMOVE;
            case "sensitive" -> Decision.MARK_SENSITIVE;
            case "limit" -> Decision.LIMIT;
            default -> throw ApiException.validation("type", "ERR_INCLUSION", "type must be one of: remove, sensitive, limit");
        };
        Statement statement = actions.onItem(CurrentViewer.require(), kind, itemId, decision, reportId(params),
                grounds(params));
        return json.own(statement);
    }

    private static Long reportId(Params params) {
        return params.string("report_id").filter(s -> !s.isBlank()).map(s -> {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw ApiException.validation("report_id", "ERR_INVALID", "report_id must be an id");
            }
        }).orElse(null);
    }

    static Grounds grounds(Params params) {
        IllegalCategory illegal = params.string("illegal_category").filter(s -> !s.isBlank())
                .map(s -> IllegalCategory.fromKey(s.strip()).orElseThrow(() -> ApiException.validation(
                        "illegal_category", "ERR_INCLUSION", "illegal_category must be one of: " + IllegalCategory.keys())))
                .orElse(null);
        String legal = params.string("legal_ground").orElse("").strip();
        String facts = params.string("text").orElse("").strip();
        if (legal.length() > Grounds.MAX_TEXT) {
            throw ApiException.validation("legal_ground", "ERR_TOO_LONG", "legal_ground is too long (maximum is 1000 characters)");
        }
        if (facts.length() > Grounds.MAX_FACTS) {
            throw ApiException.validation("text", "ERR_TOO_LONG", "text is too long (maximum is 5000 characters)");
        }
        var scope = params.list("territorial_scope").stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (scope.stream().anyMatch(c -> !c.matches("[A-Z]{2}")) || scope.size() > 60) {
            throw ApiException.validation("territorial_scope", "ERR_INVALID",
                    "territorial_scope must list ISO 3166-1 alpha-2 country codes");
        }
        return new Grounds(illegal != null, illegal, legal, facts, scope);
    }
}
