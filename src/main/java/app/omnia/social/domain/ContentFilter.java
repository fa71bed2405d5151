package app.omnia.social.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One of a viewer's filters (Mastodon's Filter v2): keywords and statuses, the contexts where it applies,
 * and whether a match is shown behind a warning or hidden. Matching is pure and unit-tested.
 */
public record ContentFilter(long id, long accountId, String title, Set<String> contexts, String action,
                            Instant expiresAt, List<Keyword> keywords, List<FilteredStatus> statuses) {

    public static final List<String> CONTEXTS = List.of("home", "notifications", "public", "thread", "account");
    public static final List<String> ACTIONS = List.of("warn", "hide");

    public record Keyword(long id, long filterId, String keyword, boolean wholeWord) {

        /** Case-insensitive; a whole word may not touch a letter, digit or underscore on either side. */
        public boolean matches(String text) {
            String quoted = Pattern.quote(keyword);
            String regex = wholeWord ? "(?<![\\p{L}\\p{N}_])" + quoted + "(?![\\p{L}\\p{N}_])" : quoted;
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
        }
    }

    public record FilteredStatus(long id, long filterId, long statusId) {}

    /** What matched a status: the keywords, and whether the status itself was named. */
    public record Match(ContentFilter filter, List<String> keywordMatches, List<String> statusMatches) {}

    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public boolean hides() {
        return "hide".equals(action);
    }

    public boolean appliesIn(String context) {
        return contexts.contains(context.toLowerCase(Locale.ROOT));
    }

    /** The match of a status's searchable text (and id), or null if nothing matched. */
    public Match match(long statusId, String text) {
        List<String> words = keywords.stream().filter(k -> k.matches(text)).map(Keyword::keyword).toList();
        List<String> named = statuses.stream().filter(s -> s.statusId() == statusId)
                .map(s -> String.valueOf(s.statusId())).toList();
        return words.isEmpty() && named.isEmpty() ? null : new Match(this, words, named);
    }
}
