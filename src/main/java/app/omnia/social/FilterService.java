package app.omnia.social;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ApiException.FieldError;
import app.omnia.social.domain.ContentFilter;
import app.omnia.social.domain.FilterPolicy;
import app.omnia.social.domain.FilterRules;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Filters;

/**
 * Mastodon's filters (v2): a viewer's muted words and statuses, by context. {@code hide} filters take matching
 * statuses out of home and public timelines on the server; every match (warn or hide) is reported in a
 * status's {@code filtered}, so that clients can warn, or hide where the server did not.
 */
@Service
public class FilterService {

    /** What a create or update asked for; null members are left as they are (on update). */
    public record Changes(String title, List<String> contexts, String action, Optional<Long> expiresIn,
                         List<Map<String, String>> keywords) {}

    private final Filters filters;
    private final StatusService statuses;
    private final IdGenerator ids;
    private final Clock clock;
    /** Each viewer's filters, read on every page they render: few, and changed only through this service. */
    private final SharedCache<List<ContentFilter>> byViewer;

    FilterService(Filters filters, StatusService statuses, IdGenerator ids, Clock clock, SharedCaches caches,
                  CacheSettings settings) {
        this.byViewer = caches.create("filters", settings.accounts());
        this.filters = filters;
        this.statuses = statuses;
        this.ids = ids;
        this.clock = clock;
    }

    public List<ContentFilter> list(long viewerId) {
        return filters.of(viewerId);
    }

    public ContentFilter get(long viewerId, long id) {
        return filters.find(id).filter(f -> FilterPolicy.canManage(viewerId, f)).orElseThrow(ApiException::notFound);
    }

    /** The viewer's filters in force now (none for a visitor). */
    public List<ContentFilter> active(Long viewerId) {
        if (viewerId == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<ContentFilter> all = byViewer.getAll(List.of(viewerId), ids -> Map.of(viewerId, filters.of(viewerId)))
                .getOrDefault(viewerId, List.of());
        return all.stream().filter(f -> f.activeAt(now)).toList();
    }

    /** What matches a status (the original, for a reblog): its text, content warning and id. */
    public static List<ContentFilter.Match> matches(List<ContentFilter> active, Status shown) {
        if (active.isEmpty()) {
            return List.of();
        }
        String text = shown.spoilerText() + "\n" + shown.text();
        List<ContentFilter.Match> found = new ArrayList<>();
        for (ContentFilter filter : active) {
            ContentFilter.Match match = filter.match(shown.id(), text);
            if (match != null) {
                found.add(match);
            }
        }
        return found;
    }

    @Transactional
    public ContentFilter create(long viewerId, Changes changes) {
        byViewer.invalidate(viewerId);
        List<FieldError> errors = new ArrayList<>();
        String title = FilterRules.title(changes.title(), errors);
        List<String> contexts = FilterRules.contexts(changes.contexts(), errors);
        String action = FilterRules.action(changes.action(), errors);
        Instant expiresAt = expiresAt(changes.expiresIn(), errors);
        changes.keywords().forEach(k -> FilterRules.keyword(k.get("keyword"), errors));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (filters.count(viewerId) >= Filters.MAX_FILTERS) {
            throw ApiException.validation("title", "ERR_TOO_MANY", "At most " + Filters.MAX_FILTERS + " filters");
        }
        long id = ids.next();
        filters.insert(id, viewerId, title, contexts, action == null ? "warn" : action, expiresAt, clock.instant());
        changeKeywords(viewerId, id, changes.keywords());
        return get(viewerId, id);
    }

    @Transactional
    public ContentFilter update(long viewerId, long id, Changes changes) {
        byViewer.invalidate(viewerId);
        ContentFilter current = get(viewerId, id);
        List<FieldError> errors = new ArrayList<>();
        String title = changes.title() == null ? current.title() : FilterRules.title(changes.title(), errors);
        List<String> contexts = changes.contexts() == null ? List.copyOf(current.contexts())
                : FilterRules.contexts(changes.contexts(), errors);
        String action = Optional.ofNullable(changes.action() == null ? null : FilterRules.action(changes.action(), errors))
                .orElse(current.action());
        Instant expiresAt = changes.expiresIn() == null ? current.expiresAt() : expiresAt(changes.expiresIn(), errors);
        changes.keywords().stream().filter(k -> !FilterRules.destroy(k) && (k.get("id") == null || k.containsKey("keyword")))
                .forEach(k -> FilterRules.keyword(k.get("keyword"), errors));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        filters.update(id, title, contexts, action, expiresAt);
        changeKeywords(viewerId, id, changes.keywords());
        return get(viewerId, id);
    }

    @Transactional
    public void delete(long viewerId, long id) {
        byViewer.invalidate(viewerId);
        get(viewerId, id);
        filters.delete(id);
    }

    @Transactional
    public ContentFilter.Keyword addKeyword(long viewerId, long filterId, String keyword, boolean wholeWord) {
        byViewer.invalidate(viewerId);
        get(viewerId, filterId);
        List<FieldError> errors = new ArrayList<>();
        String clean = FilterRules.keyword(keyword, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        long id = ids.next();
        filters.addKeyword(id, filterId, viewerId, clean, wholeWord);
        return keyword(viewerId, id);
    }

    public ContentFilter.Keyword keyword(long viewerId, long keywordId) {
        long filterId = filters.filterOfKeyword(keywordId).orElseThrow(ApiException::notFound);
        return get(viewerId, filterId).keywords().stream().filter(k -> k.id() == keywordId).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    @Transactional
    public ContentFilter.Keyword updateKeyword(long viewerId, long keywordId, String keyword, Boolean wholeWord) {
        byViewer.invalidate(viewerId);
        ContentFilter.Keyword current = keyword(viewerId, keywordId);
        List<FieldError> errors = new ArrayList<>();
        String clean = keyword == null ? current.keyword() : FilterRules.keyword(keyword, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        filters.updateKeyword(keywordId, clean, wholeWord == null ? current.wholeWord() : wholeWord);
        return keyword(viewerId, keywordId);
    }

    @Transactional
    public void deleteKeyword(long viewerId, long keywordId) {
        byViewer.invalidate(viewerId);
        keyword(viewerId, keywordId);
        filters.deleteKeyword(keywordId);
    }

    /** Names a status the viewer can see in a filter (naming it twice answers the first entry). */
    @Transactional
    public ContentFilter.FilteredStatus addStatus(long viewerId, long filterId, long statusId) {
        byViewer.invalidate(viewerId);
        ContentFilter filter = get(viewerId, filterId);
        try {
            statuses.visible(viewerId, statusId);
        } catch (ApiException notFound) {
            throw ApiException.validation("status_id", "ERR_INVALID", "status_id names no status you can see");
        }
        if (filter.statuses().size() >= Filters.MAX_ENTRIES) {
            throw ApiException.validation("status_id", "ERR_TOO_MANY", "At most " + Filters.MAX_ENTRIES + " statuses");
        }
        filters.addStatus(ids.next(), filterId, viewerId, statusId);
        return get(viewerId, filterId).statuses().stream().filter(s -> s.statusId() == statusId).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    public ContentFilter.FilteredStatus status(long viewerId, long filterStatusId) {
        long filterId = filters.filterOfStatus(filterStatusId).orElseThrow(ApiException::notFound);
        return get(viewerId, filterId).statuses().stream().filter(s -> s.id() == filterStatusId).findFirst()
                .orElseThrow(ApiException::notFound);
    }

    @Transactional
    public void deleteStatus(long viewerId, long filterStatusId) {
        byViewer.invalidate(viewerId);
        status(viewerId, filterStatusId);
        filters.deleteStatus(filterStatusId);
    }

    /** Rails' nested attributes: with an id, change (or {@code _destroy}) that keyword; without, add one. */
    private void changeKeywords(long viewerId, long filterId, List<Map<String, String>> keywords) {
        ContentFilter filter = get(viewerId, filterId);
        int count = filter.keywords().size();
        for (Map<String, String> k : keywords) {
            String id = k.get("id");
            boolean wholeWord = Boolean.parseBoolean(k.getOrDefault("whole_word", "false"));
            if (id == null || id.isBlank()) {
                if (!FilterRules.destroy(k)) {
                    if (++count > Filters.MAX_ENTRIES) {
                        throw ApiException.validation("keywords_attributes", "ERR_TOO_MANY",
                                "At most " + Filters.MAX_ENTRIES + " keywords");
                    }
                    filters.addKeyword(ids.next(), filterId, viewerId, k.get("keyword").strip(), wholeWord);
                }
                continue;
            }
            ContentFilter.Keyword existing = filter.keywords().stream().filter(e -> String.valueOf(e.id()).equals(id))
                    .findFirst().orElseThrow(() -> ApiException.validation("keywords_attributes", "ERR_INVALID",
                            "keywords_attributes names a keyword that is not in this filter"));
            if (FilterRules.destroy(k)) {
                filters.deleteKeyword(existing.id());
            } else {
                filters.updateKeyword(existing.id(), k.containsKey("keyword") ? k.get("keyword").strip() : existing.keyword(),
                        k.containsKey("whole_word") ? wholeWord : existing.wholeWord());
            }
        }
    }

    private Instant expiresAt(Optional<Long> expiresIn, List<FieldError> errors) {
        if (expiresIn == null || expiresIn.isEmpty()) {
            return null;
        }
        if (expiresIn.get() <= 0 || expiresIn.get() > 3_153_600_000L) {
            errors.add(new FieldError("expires_in", "ERR_INVALID", "expires_in must be a positive number of seconds"));
            return null;
        }
        return clock.instant().plusSeconds(expiresIn.get());
    }
}
