package app.omnia.social.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Repository;

import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.Status;

/**
 * Statuses as timelines render them, from the cache, the misses of a page loaded together: a fixed number of
 * queries (statuses, mentions, tags, attachments, polls, four counters) however many statuses miss, none when
 * all hit. Only what is the same for every viewer; the viewer's own state is looked up per page.
 */
@Repository
public class StatusCards {

    private final StatusCardCache cache;
    private final Statuses statuses;
    private final Interactions interactions;
    private final MediaAttachments media;
    private final Polls polls;

    StatusCards(StatusCardCache cache, Statuses statuses, Interactions interactions, MediaAttachments media,
                Polls polls) {
        this.cache = cache;
        this.statuses = statuses;
        this.interactions = interactions;
        this.media = media;
        this.polls = polls;
    }

    /** The cards of those ids that name a status; the others are left out. */
    public Map<Long, StatusCard> find(Collection<Long> ids) {
        return cache.getAll(ids, this::load);
    }

    /** Just the rows (a cached {@link Statuses#findAll}). */
    public Map<Long, Status> statuses(Collection<Long> ids) {
        Map<Long, Status> byId = new HashMap<>();
        find(ids).forEach((id, card) -> byId.put(id, card.status()));
        return byId;
    }

    private Map<Long, StatusCard> load(Set<Long> ids) {
        Map<Long, Status> rows = statuses.findAll(ids);
        Map<Long, StatusCard> cards = new HashMap<>();
        if (rows.isEmpty()) {
            return cards;
        }
        Set<Long> found = rows.keySet();
        Map<Long, List<Long>> mentions = statuses.mentions(found);
        Map<Long, List<String>> tags = statuses.tags(found);
        Map<Long, List<MediaAttachment>> shown = media.shownOn(found);
        Map<Long, Poll> pollsByStatus = polls.ofStatuses(found);
        Map<Long, long[]> replyAndReblog = statuses.replyAndReblogCounts(found);
        Map<Long, Long> favourites = interactions.counts(Interactions.Kind.FAVOURITE, found);
        Map<Long, Long> quotes = statuses.quoteCounts(found);
        rows.forEach((id, status) -> {
            long[] counts = replyAndReblog.getOrDefault(id, new long[2]);
            cards.put(id, new StatusCard(status, List.copyOf(mentions.getOrDefault(id, List.of())),
                    List.copyOf(tags.getOrDefault(id, List.of())), List.copyOf(shown.getOrDefault(id, List.of())),
                    pollsByStatus.get(id), counts[0], counts[1], favourites.getOrDefault(id, 0L),
                    quotes.getOrDefault(id, 0L)));
        });
        return cards;
    }
}
