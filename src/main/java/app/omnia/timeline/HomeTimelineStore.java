package app.omnia.timeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;

/**
 * Per-account home timelines: lines ordered by status id, newest first, capped (older lines fall off and are
 * read from the database). A timeline is either warm (present: fan-out keeps it up to date) or cold (never
 * built, dropped, or idle for {@link #IDLE} days): cold timelines get nothing pushed and are rebuilt on read.
 * Every operation is idempotent, so fan-out may run twice.
 */
interface HomeTimelineStore {

    /** A timeline not read for this long is dropped: its owner counts as inactive and stops receiving fan-out. */
    java.time.Duration IDLE = java.time.Duration.ofDays(30);

    /**
     * Starts an empty warm timeline, dropping whatever was there. A rebuild calls this before it reads the
     * database, so that a post committed meanwhile is either in what it reads or pushed by fan-out.
     */
    void start(long accountId);

    /** Adds a line to the timelines of those accounts whose timeline is warm; cold ones are skipped. */
    void push(HomeEntry entry, Collection<Long> accountIds);

    /** Adds lines to many timelines at once (a batch of posts: one round trip); cold ones are skipped. */
    void pushAll(java.util.Map<Long, List<HomeEntry>> linesByAccount);

    /**
     * Records that an author's followers changed (a follow, unfollow or block), so that every copy's
     * {@link WarmAudiences} drops what it remembers of them. Called after the change committed.
     */
    void followersChanged(long authorId);

    /**
     * What changed for fan-out since the cursor of the previous answer (null: the beginning): timelines started (warm) and authors
     * whose followers changed, in order. When the cursor is too old to tell (or null), the answer is
     * {@link AudienceChanges#complete() complete}: every warm timeline, and the reader forgets what it knew.
     */
    AudienceChanges changesSince(String cursor);

    /** Adds lines to one timeline if it is warm (a rebuild, a follow's backfill). */
    void addAll(long accountId, Collection<HomeEntry> entries);

    /** Removes a line from these accounts' timelines (a deleted status). */
    void remove(HomeEntry entry, Collection<Long> accountIds);

    /** Removes every line posted (or shared) by an author from one timeline (unfollow, block, mute). */
    void removeAuthor(long accountId, long authorId);

    /**
     * A page of one timeline, newest first, at most {@code limit} lines within the page's bounds (a
     * {@code min_id} page is the lines just above it); empty if the timeline is cold. Reading counts as
     * activity: it keeps the timeline from going idle.
     */
    default Optional<List<HomeEntry>> page(long accountId, PageRequest page, int limit) {
        return read(accountId, page, limit, List.of()).map(HomeRead::lines);
    }

    /**
     * A page of one timeline as {@link #page}, and in the same round trip the same page of these authors' kept
     * lines ({@link #keepAuthor}): empty if the timeline is cold.
     */
    Optional<HomeRead> read(long accountId, PageRequest page, int limit, Collection<Long> authors);

    /**
     * What one read of home takes from the store. {@code authorLines} has, for each author asked for whose kept
     * lines answer the page exactly ({@link HomePages#keptLinesAnswer}), those lines, newest first; an author
     * missing from it must be read from the database (lines not kept, or the page reaches below them).
     */
    record HomeRead(List<HomeEntry> lines, Map<Long, List<HomeEntry>> authorLines) {}

    /**
     * Keeps an author's lines (a big account's: its followers read them at home time instead of getting copies),
     * starting with its newest ones from the database, at most {@code max-entries}; fewer means they are all
     * its lines. Lines already kept stay; later ones come from {@link #pushToAuthors}.
     */
    void keepAuthor(long authorId, Collection<HomeEntry> newest);

    /** Adds lines to their authors' kept lines, for those authors whose lines are kept (see {@link #keepAuthor}). */
    void pushToAuthors(Collection<HomeEntry> entries);

    /** Removes a line from its author's kept lines (a deleted status). */
    void removeFromAuthor(HomeEntry entry);

    /** Stops keeping an author's lines (no longer big: its posts are copied again). */
    void dropAuthor(long authorId);

    /** Drops a timeline: it is rebuilt on its next read. */
    void evict(long accountId);
}
