package app.omnia.social;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.ApiException.FieldError;

/**
 * Checks a {@link NewPoll} against the server's poll limits. Every problem names the form field a client
 * sent ({@code poll[options]}, {@code poll[expires_in]}), so that apps can point at it.
 */
final class PollDrafts {

    static final String OPTIONS = "poll[options]";
    static final String EXPIRES_IN = "poll[expires_in]";

    /** A poll that passed every check: trimmed options, and its duration in seconds. */
    record Draft(List<String> options, long expiresIn, boolean multiple, boolean hideTotals) {}

    private PollDrafts() {
    }

    /** The checked poll, or null when it is invalid (its problems are then added to {@code errors}). */
    static Draft check(NewPoll poll, OmniaProperties.Polls limits, List<FieldError> errors) {
        int before = errors.size();
        List<String> options = options(poll.options(), limits, errors);
        long expiresIn = expiresIn(poll.expiresIn(), limits, errors);
        if (errors.size() > before) {
            return null;
        }
        return new Draft(options, expiresIn, Boolean.TRUE.equals(poll.multiple()),
                Boolean.TRUE.equals(poll.hideTotals()));
    }

    private static List<String> options(List<String> given, OmniaProperties.Polls limits, List<FieldError> errors) {
        List<String> options = new ArrayList<>();
        for (String option : given == null ? List.<String>of() : given) {
            options.add(option == null ? "" : option.strip());
        }
        Set<String> distinct = new HashSet<>(options);
        if (options.size() < 2) {
            errors.add(new FieldError(OPTIONS, "ERR_TOO_SHORT", "A poll needs at least 2 options"));
        } else if (options.size() > limits.maxOptions()) {
            errors.add(new FieldError(OPTIONS, "ERR_TOO_LONG",
                    "A poll has at most " + limits.maxOptions() + " options"));
        } else if (options.stream().anyMatch(String::isEmpty)) {
            errors.add(new FieldError(OPTIONS, "ERR_BLANK", "Poll options can't be blank"));
        } else if (options.stream().anyMatch(o -> o.codePointCount(0, o.length()) > limits.maxCharactersPerOption())) {
            errors.add(new FieldError(OPTIONS, "ERR_TOO_LONG",
                    "Each poll option has at most " + limits.maxCharactersPerOption() + " characters"));
        } else if (distinct.size() != options.size()) {
            errors.add(new FieldError(OPTIONS, "ERR_TAKEN", "Poll options must all be different"));
        }
        return options;
    }

    private static long expiresIn(String given, OmniaProperties.Polls limits, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            errors.add(new FieldError(EXPIRES_IN, "ERR_BLANK", "poll[expires_in] can't be blank"));
            return 0;
        }
        long seconds;
        try {
            seconds = Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(EXPIRES_IN, "ERR_INVALID", "poll[expires_in] must be a number of seconds"));
            return 0;
        }
        if (seconds < limits.minExpiration()) {
            errors.add(new FieldError(EXPIRES_IN, "ERR_TOO_SHORT",
                    "A poll stays open at least " + limits.minExpiration() + " seconds"));
        } else if (seconds > limits.maxExpiration()) {
            errors.add(new FieldError(EXPIRES_IN, "ERR_TOO_LONG",
                    "A poll stays open at most " + limits.maxExpiration() + " seconds"));
        }
        return seconds;
    }
}
