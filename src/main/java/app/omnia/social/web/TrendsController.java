package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.web.Params;
import app.omnia.social.TrendService;

/**
 * Mastodon's trends ({@code /api/v1/trends/...}), paged by {@code offset} as Mastodon pages them. Links are not
 * collected, so their list is empty.
 */
@RestController
class TrendsController {

    private final TrendService trends;
    private final StatusJsons statusJson;
    private final TagJsons tagJsons;

    TrendsController(TrendService trends, StatusJsons statusJson, TagJsons tagJsons) {
        this.trends = trends;
        this.statusJson = statusJson;
        this.tagJsons = tagJsons;
    }

    @GetMapping("/api/v1/trends/statuses")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    List<StatusJson> statuses(Params params) {
        Long viewer = StatusesController.viewerId();
        return statusJson.page(trends.statuses(viewer, params.clamped("limit", 20, 1, 40), params.clamped("offset", 0, 0, 10_000)), viewer);
    }

    @GetMapping({"/api/v1/trends/tags", "/api/v1/trends"})
    @PublicEndpoint(scopesIfToken = "read")
    List<Map<String, Object>> tags(Params params) {
        return tagJsons.page(trends.tags(params.clamped("limit", 10, 1, 20), params.clamped("offset", 0, 0, 10_000)), Map.of());
    }

    @GetMapping("/api/v1/trends/links")
    @PublicEndpoint(scopesIfToken = "read")
    List<Object> links() {
        return List.of();
    }
}
