package app.omnia.timeline;

import java.util.List;
import java.util.Set;

/**
 * Changes that decide who fan-out writes to, read from the store's change log by each copy before a batch.
 *
 * @param cursor where the next read starts (opaque to the reader)
 * @param complete true when {@code warmed} holds every warm timeline (a first read, or the log moved on too far
 *                 to read the changes): the reader must forget everything it knew
 * @param warmed accounts whose timeline was started since the cursor (every warm one when complete)
 * @param followersChanged authors whose followers changed since the cursor
 */
record AudienceChanges(String cursor, boolean complete, Set<Long> warmed, List<Long> followersChanged) {}
