package app.omnia.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.omnia.identity.AccountService;
import app.omnia.social.domain.Standing;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.ModerationMarks;

/**
 * What moderation changes on the read paths: suspended authors vanish, held and removed statuses leave every
 * list, removed ones are not found, and what is shown carries the moderation notice. Marks come from
 * {@link ModerationMarks}' caches (evicted whenever a mark is set or lifted) and suspensions from identity's
 * cached accounts, so a warm page costs no query for them, and a cold one three, never one per status.
 */
@Component
public class Standings {

    private final ModerationMarks marks;
    private final AccountService accounts;

    Standings(ModerationMarks marks, AccountService accounts) {
        this.marks = marks;
        this.accounts = accounts;
    }

    public Map<Long, Standing> of(Collection<Status> statuses) {
        Map<Long, Standing> standings = new LinkedHashMap<>();
        if (statuses.isEmpty()) {
            return standings;
        }
        Set<Long> ids = new HashSet<>();
        Set<Long> authors = new HashSet<>();
        statuses.forEach(s -> {
            ids.add(s.id());
            authors.add(s.accountId());
        });
        Map<Long, Set<String>> statusMarks = marks.ofStatusesCached(ids);
        Map<Long, Set<String>> authorMarks = marks.ofAccountsCached(authors);
        Set<Long> suspended = accounts.suspended(authors);
        statuses.forEach(s -> standings.put(s.id(), new Standing(statusMarks.getOrDefault(s.id(), Set.of()),
                authorMarks.getOrDefault(s.accountId(), Set.of()), suspended.contains(s.accountId()))));
        return standings;
    }

    public Standing of(Status status) {
        return of(List.of(status)).getOrDefault(status.id(), Standing.CLEAR);
    }

    /** Whether a status may be opened at all by this viewer (status page, thread, interactions). */
    boolean openable(Long viewerId, Status status) {
        return of(status).openable(viewerId, status.accountId());
    }

    /** The statuses of a list page that stay in lists; a reblog goes with its original or its sharer. */
    List<Status> listable(Long viewerId, List<Status> page, Map<Long, Status> originals) {
        if (page.isEmpty()) {
            return page;
        }
        List<Status> subjects = new ArrayList<>(page);
        subjects.addAll(originals.values());
        Map<Long, Standing> standings = of(subjects);
        return page.stream().filter(s -> {
            boolean kept = standings.get(s.id()).listable(viewerId, s.accountId());
            Status original = s.isReblog() ? originals.get(s.reblogOfId()) : null;
            return kept && (original == null || standings.get(original.id()).listable(viewerId, original.accountId()));
        }).toList();
    }

    /** Statuses as clients should show them: behind the moderation notice, or forced sensitive. */
    public List<Status> presented(List<Status> statuses) {
        Map<Long, Standing> standings = of(statuses);
        return statuses.stream().map(s -> standings.get(s.id()).present(s)).toList();
    }

    public Map<Long, Status> presented(Map<Long, Status> byId) {
        Map<Long, Standing> standings = of(byId.values());
        Map<Long, Status> shown = new LinkedHashMap<>();
        byId.forEach((id, s) -> shown.put(id, standings.get(s.id()).present(s)));
        return shown;
    }
}
