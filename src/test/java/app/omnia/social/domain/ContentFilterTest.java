package app.omnia.social.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentFilterTest {

    private static ContentFilter filter(ContentFilter.Keyword... keywords) {
        return new ContentFilter(1, 9, "t", Set.of("home"), "warn", null, List.of(keywords),
                List.of(new ContentFilter.FilteredStatus(5, 1, 77)));
    }

    @Test
    void aKeywordMatchesAnywhereIgnoringCase() {
        ContentFilter.Keyword k = new ContentFilter.Keyword(1, 1, "Spoil", false);
        assertThat(k.matches("no SPOILERS please")).isTrue();
        assertThat(k.matches("nothing here")).isFalse();
    }

    @Test
    void aWholeWordMustStandAlone() {
        ContentFilter.Keyword k = new ContentFilter.Keyword(1, 1, "cat", true);
        assertThat(k.matches("my Cat, again")).isTrue();
        assertThat(k.matches("concatenate")).isFalse();
        assertThat(k.matches("cat_video")).isFalse();
        assertThat(new ContentFilter.Keyword(1, 1, "c++", true).matches("I like c++ a lot")).isTrue();
    }

    @Test
    void aMatchNamesTheKeywordsAndTheStatus() {
        ContentFilter f = filter(new ContentFilter.Keyword(1, 1, "a", true), new ContentFilter.Keyword(2, 1, "b", true));
        assertThat(f.match(1, "a c").keywordMatches()).containsExactly("a");
        assertThat(f.match(77, "nothing").statusMatches()).containsExactly("77");
        assertThat(f.match(2, "nothing")).isNull();
    }

    @Test
    void expiryContextAndAction() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ContentFilter f = new ContentFilter(1, 9, "t", Set.of("home", "public"), "hide", now, List.of(), List.of());
        assertThat(f.activeAt(now.minusSeconds(1))).isTrue();
        assertThat(f.activeAt(now)).isFalse();
        assertThat(f.appliesIn("public")).isTrue();
        assertThat(f.appliesIn("thread")).isFalse();
        assertThat(f.hides()).isTrue();
        assertThat(FilterPolicy.canManage(9, f)).isTrue();
        assertThat(FilterPolicy.canManage(8, f)).isFalse();
    }
}
