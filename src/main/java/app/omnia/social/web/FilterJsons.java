package app.omnia.social.web;

import java.util.List;

import app.omnia.platform.web.JsonTime;
import app.omnia.social.domain.ContentFilter;

/** Mastodon's Filter, FilterKeyword, FilterStatus and FilterResult entities, and the v1 Filter. */
final class FilterJsons {

    private FilterJsons() {
    }

    record FilterJson(String id, String title, List<String> context, String expiresAt, String filterAction,
                      List<KeywordJson> keywords, List<StatusJson> statuses) {}

    record KeywordJson(String id, String keyword, boolean wholeWord) {}

    record StatusJson(String id, String statusId) {}

    record ResultJson(FilterJson filter, List<String> keywordMatches, List<String> statusMatches) {}

    record V1FilterJson(String id, String phrase, List<String> context, boolean wholeWord, String expiresAt,
                        boolean irreversible) {}

    static FilterJson of(ContentFilter f) {
        return new FilterJson(String.valueOf(f.id()), f.title(), List.copyOf(f.contexts()), JsonTime.of(f.expiresAt()),
                f.action(), f.keywords().stream().map(FilterJsons::of).toList(),
                f.statuses().stream().map(FilterJsons::of).toList());
    }

    static KeywordJson of(ContentFilter.Keyword k) {
        return new KeywordJson(String.valueOf(k.id()), k.keyword(), k.wholeWord());
    }

    static StatusJson of(ContentFilter.FilteredStatus s) {
        return new StatusJson(String.valueOf(s.id()), String.valueOf(s.statusId()));
    }

    static ResultJson of(ContentFilter.Match m) {
        return new ResultJson(of(m.filter()), m.keywordMatches().isEmpty() ? null : m.keywordMatches(),
                m.statusMatches().isEmpty() ? null : m.statusMatches());
    }

    /** Mastodon's v1 view: each keyword of a filter is one v1 filter; {@code irreversible} means hide. */
    static List<V1FilterJson> v1(List<ContentFilter> filters) {
        return filters.stream().flatMap(f -> f.keywords().stream().map(k -> new V1FilterJson(String.valueOf(k.id()),
                k.keyword(), List.copyOf(f.contexts()), k.wholeWord(), JsonTime.of(f.expiresAt()), f.hides()))).toList();
    }
}
