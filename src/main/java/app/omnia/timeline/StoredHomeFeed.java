package app.omnia.timeline;

import java.util.List;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;
import app.omnia.social.HomeFeed;
import app.omnia.social.HomeTimelineQueries;

/**
 * Reads home from the store: the viewer's stored lines, plus the posts of the big accounts they follow (read
 * from the database in the same id window, never copied), with repeated reblogs folded. A cold timeline is
 * rebuilt from the database query first. Past the oldest stored line (the store keeps only the newest
 * {@code max-entries}) older pages come from the database query, so scrolling never ends early.
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
        List<HomeEntry> stored = store.page(viewerId, page, window).orElseGet(() -> rebuild(viewerId, page, window));
        List<HomeEntry> merged = queries.followedAmong(viewerId, big.all(), withLimit(page, page.maxId(), window));
        List<HomeEntry> lines = HomePages.merge(page.ascending(), window, stored, merged);
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
     * Starts the timeline before reading the database: a status committed meanwhile is either in what the
     * query reads or pushed into the started timeline by fan-out (the store ignores a line added twice).
     */
    private List<HomeEntry> rebuild(long viewerId, PageRequest page, int window) {
        store.start(viewerId);
        store.addAll(viewerId, queries.rebuild(viewerId, maxEntries));
        return store.page(viewerId, page, window).orElse(List.of());
    }

    private static PageRequest withLimit(PageRequest page, Long maxId, int limit) {
        return new PageRequest(maxId, page.sinceId(), page.minId(), limit);
    }
}
