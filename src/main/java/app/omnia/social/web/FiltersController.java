package app.omnia.social.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.FilterService;

/**
 * Mastodon's filters API v2 ({@code /api/v2/filters}, their keywords and statuses) and the v1 list. A
 * viewer's filters are few (at most 100), so lists are not paged, as in Mastodon.
 */
@RestController
class FiltersController {

    private final FilterService filters;

    FiltersController(FilterService filters) {
        this.filters = filters;
    }

    @GetMapping("/api/v2/filters")
    @RequiresScope("read:filters")
    List<FilterJsons.FilterJson> list() {
        return filters.list(viewer()).stream().map(FilterJsons::of).toList();
    }

    @GetMapping("/api/v2/filters/{id}")
    @RequiresScope("read:filters")
    FilterJsons.FilterJson get(@PathVariable String id) {
        return FilterJsons.of(filters.get(viewer(), PathIds.parse(id)));
    }

    @PostMapping("/api/v2/filters")
    @RequiresScope("write:filters")
    FilterJsons.FilterJson create(Params params) {
        return FilterJsons.of(filters.create(viewer(), new FilterService.Changes(params.string("title").orElse(null),
                params.list("context"), params.string("filter_action").orElse(null), expiresIn(params),
                params.nested("keywords_attributes"))));
    }

    @PutMapping("/api/v2/filters/{id}")
    @RequiresScope("write:filters")
    FilterJsons.FilterJson update(@PathVariable String id, Params params) {
        List<String> context = params.has("context") || params.has("context[]") ? params.list("context") : null;
        return FilterJsons.of(filters.update(viewer(), PathIds.parse(id), new FilterService.Changes(
                params.string("title").orElse(null), context, params.string("filter_action").orElse(null),
                params.has("expires_in") ? expiresIn(params) : null, params.nested("keywords_attributes"))));
    }

    @DeleteMapping("/api/v2/filters/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> delete(@PathVariable String id) {
        filters.delete(viewer(), PathIds.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v2/filters/{id}/keywords")
    @RequiresScope("read:filters")
    List<FilterJsons.KeywordJson> keywords(@PathVariable String id) {
        return filters.get(viewer(), PathIds.parse(id)).keywords().stream().map(FilterJsons::of).toList();
    }

    @PostMapping("/api/v2/filters/{id}/keywords")
    @RequiresScope("write:filters")
    FilterJsons.KeywordJson addKeyword(@PathVariable String id, Params params) {
        return FilterJsons.of(filters.addKeyword(viewer(), PathIds.parse(id), params.string("keyword").orElse(null),
                params.bool("whole_word").orElse(false)));
    }

    @GetMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("read:filters")
    FilterJsons.KeywordJson keyword(@PathVariable String id) {
        return FilterJsons.of(filters.keyword(viewer(), PathIds.parse(id)));
    }

    @PutMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("write:filters")
    FilterJsons.KeywordJson updateKeyword(@PathVariable String id, Params params) {
        return FilterJsons.of(filters.updateKeyword(viewer(), PathIds.parse(id), params.string("keyword").orElse(null),
                params.bool("whole_word").orElse(null)));
    }

    @DeleteMapping("/api/v2/filters/keywords/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> deleteKeyword(@PathVariable String id) {
        filters.deleteKeyword(viewer(), PathIds.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v2/filters/{id}/statuses")
    @RequiresScope("read:filters")
    List<FilterJsons.StatusJson> statuses(@PathVariable String id) {
        return filters.get(viewer(), PathIds.parse(id)).statuses().stream().map(FilterJsons::of).toList();
    }

    @PostMapping("/api/v2/filters/{id}/statuses")
    @RequiresScope("write:filters")
    FilterJsons.StatusJson addStatus(@PathVariable String id, Params params) {
        String statusId = params.string("status_id").orElseThrow(() ->
                ApiException.validation("status_id", "ERR_BLANK", "status_id can't be blank"));
        long parsed;
        try {
            parsed = Long.parseLong(statusId.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("status_id", "ERR_INVALID", "status_id names no status you can see");
        }
        return FilterJsons.of(filters.addStatus(viewer(), PathIds.parse(id), parsed));
    }

    @GetMapping("/api/v2/filters/statuses/{id}")
    @RequiresScope("read:filters")
    FilterJsons.StatusJson status(@PathVariable String id) {
        return FilterJsons.of(filters.status(viewer(), PathIds.parse(id)));
    }

    @DeleteMapping("/api/v2/filters/statuses/{id}")
    @RequiresScope("write:filters")
    Map<String, Object> deleteStatus(@PathVariable String id) {
        filters.deleteStatus(viewer(), PathIds.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v1/filters")
    @RequiresScope("read:filters")
    List<FilterJsons.V1FilterJson> v1() {
        return FilterJsons.v1(filters.list(viewer()));
    }

    private static long viewer() {
        return CurrentViewer.requireAccountId();
    }

    /** Seconds from now; empty (or absent) for a filter that never expires. */
    private static Optional<Long> expiresIn(Params params) {
        Optional<String> raw = params.string("expires_in").map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.get()));
        } catch (NumberFormatException e) {
            throw ApiException.validation("expires_in", "ERR_INVALID", "expires_in must be a number of seconds");
        }
    }
}
