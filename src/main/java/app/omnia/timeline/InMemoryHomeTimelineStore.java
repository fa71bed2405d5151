package app.omnia.timeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;

/**
 * Home timelines in this process, for a server running alone. Each timeline is three parallel sorted
 * arrays (status, author, original) rather than a set of objects: 24 bytes a line, 19 kB for a full one.
 */
class InMemoryHomeTimelineStore implements HomeTimelineStore {

    /** Changes kept for fan-out's readers; one that falls further behind reads every warm timeline instead. */
    static final int CHANGES_KEPT = 100_000;

    private final ConcurrentHashMap<Long, Lines> timelines = new ConcurrentHashMap<>();
    /** Big accounts' lines, read by their followers at home time. */
    private final ConcurrentHashMap<Long, Lines> authors = new ConcurrentHashMap<>();
    /** The change log (its first {@code dropped} changes are gone). */
    private final java.util.ArrayDeque<Change> changes = new java.util.ArrayDeque<>();
    private long dropped;
    private final int maxEntries;
    private final Clock clock;

    InMemoryHomeTimelineStore(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public void start(long accountId) {
        timelines.put(accountId, new Lines(clock.millis()));
        logChange(new Change(true, accountId));
    }

    @Override
    public void pushAll(java.util.Map<Long, List<HomeEntry>> linesByAccount) {
        linesByAccount.forEach((account, entries) -> addAll(account, entries));
    }

    @Override
    public void followersChanged(long authorId) {
        logChange(new Change(false, authorId));
    }

    @Override
    public synchronized AudienceChanges changesSince(String cursor) {
        long next = dropped + changes.size();
        long from = cursor == null ? -1 : Long.parseLong(cursor);
        if (from < dropped) {
            return new AudienceChanges(String.valueOf(next), true, java.util.Set.copyOf(timelines.keySet()), List.of());
        }
        java.util.Set<Long> warmed = new java.util.LinkedHashSet<>();
        List<Long> followersChanged = new ArrayList<>();
        java.util.Iterator<Change> all = changes.iterator();
        for (long i = dropped; all.hasNext(); i++) {
            Change change = all.next();
            if (i >= from) {
                (change.warmed() ? warmed : followersChanged).add(change.accountId());
            }
        }
        return new AudienceChanges(String.valueOf(next), false, warmed, followersChanged);
    }

    /** A timeline started ({@code warmed}), or an author's followers changed. */
    private record Change(boolean warmed, long accountId) {}

    private synchronized void logChange(Change change) {
        changes.addLast(change);
        if (changes.size() > CHANGES_KEPT) {
            changes.removeFirst();
            dropped++;
        }
    }

    @Override
    public void push(HomeEntry entry, Collection<Long> accountIds) {
        for (long id : accountIds) {
            Lines lines = timelines.get(id);
            if (lines != null) {
                lines.add(entry, maxEntries);
            }
        }
    }

    @Override
    public void addAll(long accountId, Collection<HomeEntry> entries) {
        Lines lines = timelines.get(accountId);
        if (lines != null) {
            entries.forEach(e -> lines.add(e, maxEntries));
        }
    }

    @Override
    public void remove(HomeEntry entry, Collection<Long> accountIds) {
        for (long id : accountIds) {
            Lines lines = timelines.get(id);
            if (lines != null) {
                lines.remove(entry.statusId());
            }
        }
    }

    @Override
    public void removeAuthor(long accountId, long authorId) {
        Lines lines = timelines.get(accountId);
        if (lines != null) {
            lines.removeAuthor(authorId);
        }
    }

    @Override
    public Optional<HomeRead> read(long accountId, PageRequest page, int limit, Collection<Long> authorIds) {
        Lines lines = timelines.get(accountId);
        if (lines == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        java.util.Map<Long, List<HomeEntry>> byAuthor = new java.util.HashMap<>();
        for (long author : authorIds) {
            Lines kept = authors.get(author);
            List<HomeEntry> answer = kept == null ? null : kept.keptPage(page, limit, now);
            if (answer != null) {
                byAuthor.put(author, answer);
            }
        }
        return Optional.of(new HomeRead(lines.page(page, limit, now), byAuthor));
    }

    @Override
    public void keepAuthor(long authorId, Collection<HomeEntry> newest) {
        Lines lines = authors.computeIfAbsent(authorId, id -> new Lines(clock.millis()));
        if (newest.size() >= maxEntries) {
            lines.lostOlderLines(); // the database may hold more than it was asked for
        }
        newest.forEach(e -> lines.add(e, maxEntries));
    }

    @Override
    public void pushToAuthors(Collection<HomeEntry> entries) {
        for (HomeEntry entry : entries) {
            Lines lines = authors.get(entry.authorId());
            if (lines != null) {
                lines.add(entry, maxEntries);
            }
        }
    }

    @Override
    public void removeFromAuthor(HomeEntry entry) {
        Lines lines = authors.get(entry.authorId());
        if (lines != null) {
            lines.remove(entry.statusId());
        }
    }

    @Override
    public void dropAuthor(long authorId) {
        authors.remove(authorId);
    }

    @Override
    public void evict(long accountId) {
        timelines.remove(accountId);
    }

    /** Inactive accounts' timelines go, as they would expire in Redis; they are rebuilt if their owner returns. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void dropIdle() {
        long cutoff = clock.millis() - IDLE.toMillis();
        timelines.values().removeIf(lines -> lines.lastRead() < cutoff);
    }

    /** One timeline: lines sorted by status id, oldest first, so that new posts append and old ones fall off the front. */
    static final class Lines {

        private long[] ids = new long[16];
        private long[] authors = new long[16];
        private long[] originals = new long[16]; // 0: not a reblog
        private int size;
        private volatile long lastRead;
        /** Whether lines fell off the cap (or were never taken in): the oldest ones are then not all here. */
        private boolean lostOlderLines;

        Lines(long now) {
            this.lastRead = now;
        }

        long lastRead() {
            return lastRead;
        }

        synchronized void add(HomeEntry entry, int max) {
            int at = java.util.Arrays.binarySearch(ids, 0, size, entry.statusId());
            if (at >= 0) {
                return;
            }
            int insert = -at - 1;
            if (size == max) {
                lostOlderLines = true;
                if (insert == 0) {
                    return; // older than everything kept in a full timeline: it would fall off at once
                }
                shiftLeft(1, size);
                size--;
                insert--;
            }
            if (size == ids.length) {
                int grown = Math.min(Math.max(16, size * 2), Math.max(max, 16));
                ids = java.util.Arrays.copyOf(ids, grown);
                authors = java.util.Arrays.copyOf(authors, grown);
                originals = java.util.Arrays.copyOf(originals, grown);
            }
            System.arraycopy(ids, insert, ids, insert + 1, size - insert);
            System.arraycopy(authors, insert, authors, insert + 1, size - insert);
            System.arraycopy(originals, insert, originals, insert + 1, size - insert);
            ids[insert] = entry.statusId();
            authors[insert] = entry.authorId();
            originals[insert] = entry.reblogOfId() == null ? 0 : entry.reblogOfId();
            size++;
        }

        synchronized void remove(long statusId) {
            int at = java.util.Arrays.binarySearch(ids, 0, size, statusId);
            if (at >= 0) {
                shiftLeft(at + 1, size);
                size--;
            }
        }

        synchronized void removeAuthor(long authorId) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (authors[i] != authorId) {
                    ids[kept] = ids[i];
                    authors[kept] = authors[i];
                    originals[kept] = originals[i];
                    kept++;
                }
            }
            size = kept;
        }

        /** Lines within the page's bounds, newest first: the highest ones, or for a min_id page the lowest. */
        synchronized List<HomeEntry> page(PageRequest page, int limit, long now) {
            lastRead = now;
            Long lowerBound = page.minId() != null ? page.minId() : page.sinceId();
            int from = lowerBound == null ? 0 : firstAbove(lowerBound);
            int to = page.maxId() == null ? size : firstAbove(page.maxId() - 1); // exclusive
            if (page.ascending()) {
                to = Math.min(to, from + limit);
            } else {
                from = Math.max(from, to - limit);
            }
            List<HomeEntry> found = new ArrayList<>(Math.max(0, to - from));
            for (int i = to - 1; i >= from; i--) {
                found.add(new HomeEntry(ids[i], authors[i], originals[i] == 0 ? null : originals[i]));
            }
            return found;
        }

        synchronized void lostOlderLines() {
            lostOlderLines = true;
        }

        /** An author's lines within the page's bounds, or null when they do not answer it as the database would. */
        synchronized List<HomeEntry> keptPage(PageRequest page, int limit, long now) {
            List<HomeEntry> found = page(page, limit, now);
            Long oldest = size == 0 ? null : ids[0];
            return HomePages.keptLinesAnswer(page, limit, !lostOlderLines, oldest, found.size()) ? found : null;
        }

        /** Index of the first line with an id above {@code id}. */
        private int firstAbove(long id) {
            int at = java.util.Arrays.binarySearch(ids, 0, size, id);
            return at >= 0 ? at + 1 : -at - 1;
        }

        private void shiftLeft(int from, int to) {
            System.arraycopy(ids, from, ids, from - 1, to - from);
            System.arraycopy(authors, from, authors, from - 1, to - from);
            System.arraycopy(originals, from, originals, from - 1, to - from);
        }
    }
}
