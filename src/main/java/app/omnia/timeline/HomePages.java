package app.omnia.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;

/** The pure part of reading home: merging the sources of a page and folding repeated reblogs. Unit-tested. */
final class HomePages {

    private HomePages() {
    }

    /**
     * The union of several newest-first lists of lines, each status once, newest first, cut to {@code window}
     * lines: the newest ones, or for an {@code ascending} (min_id) page the oldest ones, as each source was read.
     */
    @SafeVarargs
    static List<HomeEntry> merge(boolean ascending, int window, List<HomeEntry>... sources) {
        Map<Long, HomeEntry> byId = new LinkedHashMap<>();
        for (List<HomeEntry> source : sources) {
            source.forEach(e -> byId.putIfAbsent(e.statusId(), e));
        }
        List<HomeEntry> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingLong(HomeEntry::statusId).reversed());
        if (all.size() <= window) {
            return all;
        }
        return ascending ? all.subList(all.size() - window, all.size()) : all.subList(0, window);
    }

    /**
     * Mastodon's rule that a post is not shown twice: a reblog is dropped when the original itself is among
     * the lines read, or a newer reblog of it is. The lines are newest first; the page keeps {@code limit} of
     * what remains (the newest, or for an ascending page the oldest).
     */
    static List<HomeEntry> withoutRepeatedReblogs(List<HomeEntry> lines, boolean ascending, int limit) {
        Set<Long> originals = new HashSet<>();
        lines.stream().filter(e -> !e.isReblog()).forEach(e -> originals.add(e.statusId()));
        Set<Long> reblogged = new HashSet<>();
        List<HomeEntry> kept = new ArrayList<>(lines.size());
        for (HomeEntry line : lines) {
            if (line.isReblog() && (originals.contains(line.reblogOfId()) || !reblogged.add(line.reblogOfId()))) {
                continue;
            }
            kept.add(line);
        }
        if (kept.size() <= limit) {
            return kept;
        }
        return ascending ? kept.subList(kept.size() - limit, kept.size()) : kept.subList(0, limit);
    }

    /**
     * Whether an author's kept lines answer a page exactly as the database would: when they are all of its lines
     * ({@code complete}), when the page's lower bound is at or above the oldest line kept, or, reading down, when
     * they filled the page. Otherwise lines the page needs may be older than what is kept.
     */
    static boolean keptLinesAnswer(PageRequest page, int limit, boolean complete, Long oldestKept, int found) {
        if (complete) {
            return true;
        }
        Long lower = page.minId() != null ? page.minId() : page.sinceId();
        if (lower != null && oldestKept != null && lower >= oldestKept) {
            return true;
        }
        return !page.ascending() && found >= limit;
    }
}
