package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountJson;
import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.web.Params;
import app.omnia.social.SearchService;

/** {@code GET /api/v2/search}: accounts, hashtags and statuses as Mastodon answers them. */
@RestController
class SearchController {

    private final SearchService search;
    private final AccountService accounts;
    private final StatusJsons statusJson;
    private final Links links;
    private final TagJsons tagJsons;

    SearchController(SearchService search, AccountService accounts, StatusJsons statusJson, Links links,
                     TagJsons tagJsons) {
        this.tagJsons = tagJsons;
        this.search = search;
        this.accounts = accounts;
        this.statusJson = statusJson;
        this.links = links;
    }

    @GetMapping("/api/v2/search")
    @PublicEndpoint(scopesIfToken = "read:search")
    Map<String, Object> search(Params params) {
        int limit = params.clamped("limit", SearchService.DEFAULT_LIMIT, 1, SearchService.MAX_LIMIT);
        int offset = params.clamped("offset", 0, 0, 10_000);
        Long viewer = StatusesController.viewerId();
        SearchService.Results results = search.search(viewer, params.string("q").orElse(null),
                params.string("type").filter(t -> !t.isBlank()).orElse(null), limit, offset);
        var views = accounts.views(results.accountIds());
        List<AccountJson> found = results.accountIds().stream().map(views::get).filter(java.util.Objects::nonNull)
                .map(v -> AccountJson.of(v, links)).toList();
        List<Map<String, Object>> tags = tagJsons.page(results.hashtags(), Map.of());
        return Map.of("accounts", found, "statuses", statusJson.page(results.statuses(), viewer), "hashtags", tags);
    }
}
