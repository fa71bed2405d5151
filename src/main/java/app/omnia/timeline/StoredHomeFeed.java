package app.omnia.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;
import app.omnia.social.HomeFeed;
import app.omnia.social.HomeTimelineQueries;

/**
 * Reads home from the store: the viewer's stored lines, plus the posts of the big accounts they follow (never
 * copied: each big account's lines are kept once, and read in the same round trip, in the same id window), with
 * repeated reblogs folded. A cold timeline is rebuilt from the database query first. Past the oldest stored line
 * (the store keeps only the newest {@code max-entries}) older pages come from the database query, so scrolling
 * never ends early; so do a big account's lines when the page reaches below those kept.
 */
@Component
class StoredHomeFeed implements HomeFeed {

    /** Lines read beyond the page, so that a reblog whose original sits just below the page is still folded. */
    static final int LOOKAHEAD = 40;

    private final HomeTimelineStore store;
    private final HomeTimelineQueries queries;
    private final BigAccounts big;
    private final int maxEntries;

    StoredHomeFeed(HomeTimelineStore store, HomeTimelineQueries queries, BigAccounts big, OmniaProperties properties) {
        this.store = store;
        this.queries = queries;
        this.big = big;
        this.maxEntries = properties.timelineSettings().maxEntries();
    }

    @Override
    public List<Long> page(long viewerId, PageRequest page) {
        int window = page.limit() + LOOKAHEAD;
        Map<Long, Boolean> bigFollowed = queries.followedAmong(viewerId, big.all());
        HomeTimelineStore.HomeRead read = store.read(viewerId, page, window, bigFollowed.keySet())
                .orElseGet(() -> rebuild(viewerId, page, window, bigFollowed.keySet()));
        List<HomeEntry> stored = read.lines();
        List<HomeEntry> lines = HomePages.merge(page.ascending(), window, stored,
                bigAccountsLines(bigFollowed, read.authorLines(), withLimit(page, page.maxId(), window)));
        boolean readingDown = page.minId() == null && page.sinceId() == null;
        if (readingDown && stored.size() < window) {
            // The store ran out below this page: older lines come from the database, the source of truth.
            Long below = stored.isEmpty() ? page.maxId() : Long.valueOf(stored.getLast().statusId());
            List<HomeEntry> older = queries.fromDatabase(viewerId, withLimit(page, below, window));
            lines = HomePages.merge(false, window, lines, older);
        }
        return HomePages.withoutRepeatedReblogs(lines, page.ascending(), page.limit()).stream()
                .map(HomeEntry::statusId).toList();
    }

    /**
     * The followed big accounts' lines in the page's window: from the store where it answers for them (their
     * reblogs left out for a viewer who hides them), from the database for the others. A viewer hiding reblogs
     * whose window of kept lines was full and had reblogs in it could be missing originals just below: read
     * those from the database too.
     */
    private List<HomeEntry> bigAccountsLines(Map<Long, Boolean> followed, Map<Long, List<HomeEntry>> kept,
                                             PageRequest window) {
        List<HomeEntry> lines = new ArrayList<>();
        Map<Long, Boolean> fromDatabase = new HashMap<>();
        followed.forEach((author, showsReblogs) -> {
            List<HomeEntry> theirs = kept.get(author);
            boolean answered = theirs != null && (showsReblogs || theirs.size() < window.limit()
                    || theirs.stream().noneMatch(HomeEntry::isReblog));
            if (!answered) {
                fromDatabase.put(author, showsReblogs);
                return;
            }
            theirs.stream().filter(e -> showsReblogs || !e.isReblog()).forEach(lines::add);
        });
        if (!fromDatabase.isEmpty()) {
            lines.addAll(queries.linesOf(fromDatabase, window));
        }
        return lines;
    }

    /**
     * Starts the timeline before reading the database: a status committed meanwhile is either in what the
     * query reads or pushed into the started timeline by fan-out (the store ignores a line added twice).
     */
    private HomeTimelineStore.HomeRead rebuild(long viewerId, PageRequest page, int window, Set<Long> bigFollowed) {
        store.start(viewerId);
        store.addAll(viewerId, queries.rebuild(viewerId, maxEntries));
        return store.read(viewerId, page, window, bigFollowed)
                .orElseGet(() -> new HomeTimelineStore.HomeRead(List.of(), Map.of()));
    }

    private static PageRequest withLimit(PageRequest page, Long maxId, int limit) {
        return new PageRequest(maxId, page.sinceId(), page.minId(), limit);
    }
}
