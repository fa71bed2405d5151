package app.omnia.timeline;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.social.HomeEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging stored lines with big accounts' posts read at home time, and folding repeated reblogs. */
class HomePagesTest {

    private static HomeEntry post(long id) {
        return new HomeEntry(id, 1, null);
    }

    private static HomeEntry reblog(long id, long of) {
        return new HomeEntry(id, 2, of);
    }

    private static List<Long> ids(List<HomeEntry> lines) {
        return lines.stream().map(HomeEntry::statusId).toList();
    }

    @Test
    void mergesBySourceIdNewestFirstEachOnce() {
        List<HomeEntry> stored = List.of(post(9), post(5), post(2));
        List<HomeEntry> big = List.of(post(8), post(5), post(1));
        assertThat(ids(HomePages.merge(false, 10, stored, big))).containsExactly(9L, 8L, 5L, 2L, 1L);
        assertThat(ids(HomePages.merge(false, 3, stored, big))).containsExactly(9L, 8L, 5L);
        assertThat(ids(HomePages.merge(true, 3, stored, big))).as("a min_id page keeps the oldest")
                .containsExactly(5L, 2L, 1L);
    }

    @Test
    void aReblogIsDroppedWhenItsOriginalOrANewerReblogIsInView() {
        List<HomeEntry> lines = List.of(reblog(10, 3), reblog(9, 4), reblog(8, 4), post(7), reblog(6, 7), post(3));
        assertThat(ids(HomePages.withoutRepeatedReblogs(lines, false, 20))).containsExactly(9L, 7L, 3L);
        assertThat(ids(HomePages.withoutRepeatedReblogs(lines, false, 2))).containsExactly(9L, 7L);
        assertThat(ids(HomePages.withoutRepeatedReblogs(lines, true, 2))).containsExactly(7L, 3L);
    }
}
