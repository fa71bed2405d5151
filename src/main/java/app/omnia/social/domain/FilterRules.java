package app.omnia.social.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.omnia.platform.web.ApiException.FieldError;

/** What a filter's title, contexts, action and keywords must be; each check adds what is wrong to the list. */
public final class FilterRules {

    private FilterRules() {
    }

    /** Rails' {@code _destroy} in nested attributes. */
    public static boolean destroy(Map<String, String> k) {
        String value = k.get("_destroy");
        return value != null && (value.equals("true") || value.equals("1"));
    }

    public static String title(String title, List<FieldError> errors) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            errors.add(new FieldError("title", "ERR_BLANK", "title can't be blank"));
        } else if (clean.length() > 256) {
            errors.add(new FieldError("title", "ERR_TOO_LONG", "title is too long (maximum is 256 characters)"));
        }
        return clean;
    }

    public static List<String> contexts(List<String> contexts, List<FieldError> errors) {
        List<String> clean = contexts == null ? List.of() : contexts.stream().map(c -> c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).distinct().toList();
        if (clean.isEmpty()) {
            errors.add(new FieldError("context", "ERR_BLANK", "context can't be blank"));
        } else if (!ContentFilter.CONTEXTS.containsAll(clean)) {
            errors.add(new FieldError("context", "ERR_INCLUSION",
                    "context must be among: " + String.join(", ", ContentFilter.CONTEXTS)));
        }
        return clean;
    }

    public static String action(String action, List<FieldError> errors) {
        if (action == null || action.isBlank()) {
            return null;
        }
        String clean = action.strip().toLowerCase(Locale.ROOT);
        if (!ContentFilter.ACTIONS.contains(clean)) {
            errors.add(new FieldError("filter_action", "ERR_INCLUSION", "filter_action must be warn or hide"));
        }
        return clean;
    }

    public static String keyword(String keyword, List<FieldError> errors) {
        String clean = keyword == null ? "" : keyword.strip();
        if (clean.isEmpty()) {
            errors.add(new FieldError("keyword", "ERR_BLANK", "keyword can't be blank"));
        } else if (clean.length() > 256) {
            errors.add(new FieldError("keyword", "ERR_TOO_LONG", "keyword is too long (maximum is 256 characters)"));
        }
        return clean;
    }
}
