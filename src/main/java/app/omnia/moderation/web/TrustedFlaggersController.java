package app.omnia.moderation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.moderation.TrustedFlaggers;
import app.omnia.moderation.persistence.TrustedFlaggerRows;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.JsonTime;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Admins name and remove trusted flaggers (DSA art. 22); the list holds at most 200, oldest first. */
@RestController
class TrustedFlaggersController {

    private final TrustedFlaggers flaggers;

    TrustedFlaggersController(TrustedFlaggers flaggers) {
        this.flaggers = flaggers;
    }

    @PostMapping("/api/omnia/v1/admin/trusted_flaggers")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> grant(Params params) {
        long accountId;
        try {
            accountId = Long.parseLong(params.required("account_id").strip());
        } catch (NumberFormatException e) {
            throw ApiException.validation("account_id", "ERR_INVALID", "account_id must be an id");
        }
        flaggers.grant(CurrentViewer.require(), accountId, params.string("note").orElse(""));
        return Map.of("account_id", String.valueOf(accountId), "trusted_flagger", true);
    }

    @DeleteMapping("/api/omnia/v1/admin/trusted_flaggers/{accountId}")
    @RequiresScope("admin:write:accounts")
    Map<String, Object> revoke(@PathVariable String accountId) {
        flaggers.revoke(CurrentViewer.require(), PathIds.parse(accountId));
        return Map.of();
    }

    @GetMapping("/api/omnia/v1/admin/trusted_flaggers")
    @RequiresScope("admin:read:accounts")
    List<Map<String, Object>> list() {
        return flaggers.list(CurrentViewer.require()).stream().map(TrustedFlaggersController::json).toList();
    }

    private static Map<String, Object> json(TrustedFlaggerRows.Flagger f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_id", String.valueOf(f.accountId()));
        json.put("granted_by", String.valueOf(f.grantedBy()));
        json.put("note", f.note());
        json.put("created_at", JsonTime.of(f.createdAt()));
        return json;
    }
}
