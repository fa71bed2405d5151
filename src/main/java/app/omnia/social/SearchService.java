package app.omnia.social;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;

import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Blocks;
import app.omnia.social.persistence.Search;

/** Mastodon's v2 search: accounts, hashtags and statuses, each filtered by what the viewer may see. */
@Service
public class SearchService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;
    private static final int MAX_QUERY = 500;

    /** What was found, in Mastodon's three groups. */
    public record Results(List<Long> accountIds, List<String> hashtags, List<Status> statuses) {}

    private final Search search;
    private final Blocks blocks;
    private final StatusService statusService;

    private final java.time.Clock clock;

    SearchService(Search search, Blocks blocks, StatusService statusService, java.time.Clock clock) {
        this.clock = clock;
        this.search = search;
        this.blocks = blocks;
        this.statusService = statusService;
    }

    /** Accounts born on or before this day are adults today. */
    private java.time.LocalDate adultsBornBy() {
        return java.time.LocalDate.now(clock).minusYears(app.omnia.identity.Account.ADULT_AGE);
    }

    /**
     * @param type "accounts", "hashtags", "statuses", or null for all three
     */
    public Results search(Long viewerId, String query, String type, int limit, int offset) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ApiException.validation("q", "ERR_BLANK", "q can't be blank");
        }
        if (q.length() > MAX_QUERY) {
            throw ApiException.validation("q", "ERR_TOO_LONG", "q is too long (maximum is 500 characters)");
        }
        if (type != null && !Set.of("accounts", "hashtags", "statuses").contains(type)) {
            throw ApiException.validation("type", "ERR_INCLUSION", "type must be accounts, hashtags or statuses");
        }
        Set<Long> hidden = viewerId == null ? Set.of() : blocks.hiddenFrom(viewerId);
        List<Long> accounts = type == null || type.equals("accounts")
                ? search.accounts(handle(q), adultsBornBy(), limit, offset).stream().filter(id -> !hidden.contains(id)).toList()
                : List.of();
        List<String> hashtags = type == null || type.equals("hashtags")
                ? search.hashtags(q.startsWith("#") ? q.substring(1) : q, limit, offset)
                : List.of();
        List<Status> statuses = type == null || type.equals("statuses")
                ? statusService.visibleOnly(viewerId, search.statuses(words(q), limit, offset))
                : List.of();
        return new Results(accounts, hashtags, statuses);
    }

    /** "@alice@this.domain" searches for alice. */
    private static String handle(String q) {
        String handle = q.startsWith("@") ? q.substring(1) : q;
        int at = handle.indexOf('@');
        return at > 0 ? handle.substring(0, at) : handle;
    }

    private static List<String> words(String q) {
        return Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).limit(8).toList();
    }
}
