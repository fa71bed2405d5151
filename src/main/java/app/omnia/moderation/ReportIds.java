package app.omnia.moderation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.omnia.platform.web.ApiException;

/** Id lists of report parameters ({@code status_ids}, {@code rule_ids}...), read the same when filing and updating. */
final class ReportIds {

    private ReportIds() {
    }

    /** Each id once, in order; blanks skipped (a form clears a list with {@code name[]=}), anything else is a 400. */
    static List<Long> ids(String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(field, field + " must be a list of ids");
            }
        }
        return List.copyOf(ids);
    }

    /** {@code rule_ids}: the server's rules are numbered from 1 in their configured order; any other id is a 422. */
    static List<Long> rules(List<String> raw, ModerationSettings settings) {
        List<Long> ruleIds = ids("rule_ids", raw);
        for (long id : ruleIds) {
            if (id < 1 || id > settings.rules().size()) {
                throw ApiException.validation("rule_ids", "ERR_INVALID", "rule_ids names a rule that does not exist");
            }
        }
        return ruleIds;
    }
}
