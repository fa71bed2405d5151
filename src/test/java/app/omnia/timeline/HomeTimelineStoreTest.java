package app.omnia.timeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;
import app.omnia.support.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both stores answer the same: paging bounds, the cap, removals, warm and cold. The Redis one runs only when
 * {@code OMNIA_REDIS_URL} is set (as in the PostgreSQL + Redis run), on its own account ids.
 */
class HomeTimelineStoreTest {

    private static final int MAX = 5;
    private static LettuceConnectionFactory factory;

    static Stream<HomeTimelineStore> stores() {
        HomeTimelineStore memory = new InMemoryHomeTimelineStore(MAX, Clock.systemUTC());
        String url = System.getenv("OMNIA_REDIS_URL");
        if (url == null || url.isBlank()) {
            return Stream.of(memory);
        }
        java.net.URI uri = java.net.URI.create(url.trim());
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort());
        if (uri.getPath() != null && uri.getPath().length() > 1) {
            config.setDatabase(Integer.parseInt(uri.getPath().substring(1)));
        }
        if (factory == null) { // one connection for every source of this class
            factory = new LettuceConnectionFactory(config);
            factory.afterPropertiesSet();
            factory.start();
        }
        return Stream.of(memory, new RedisHomeTimelineStore(new StringRedisTemplate(factory), MAX));
    }

    @AfterAll
    static void close() {
        if (factory != null) {
            factory.destroy();
        }
    }

    // Ids past 2^53, as real ones are: a double score could not tell them apart.
    private static final long BASE = 1L << 56;
    private static final long ACCOUNT = -(System.nanoTime() & 0xffffff) - 1; // no real account has a negative id

    private static HomeEntry line(int n) {
        return new HomeEntry(BASE + n, n % 2 == 0 ? 7 : 8, n == 3 ? BASE : null);
    }

    private static List<Long> page(HomeTimelineStore store, Long maxId, Long sinceId, Long minId, int limit) {
        return store.page(ACCOUNT, new PageRequest(maxId, sinceId, minId, limit), limit).orElseThrow().stream()
                .map(e -> e.statusId() - BASE).toList();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void pagesCapsAndRemoves(HomeTimelineStore store) {
        store.evict(ACCOUNT);
        assertThat(store.page(ACCOUNT, new PageRequest(null, null, null, 20), 20)).isEmpty();
        store.push(line(1), List.of(ACCOUNT));
        assertThat(store.page(ACCOUNT, new PageRequest(null, null, null, 20), 20)).as("cold gets nothing").isEmpty();

        store.start(ACCOUNT);
        assertThat(page(store, null, null, null, 20)).isEmpty();
        for (int n : new int[] {2, 1, 4, 3, 6, 5}) {
            store.push(line(n), List.of(ACCOUNT));
        }
        store.push(line(4), List.of(ACCOUNT)); // twice: once
        assertThat(page(store, null, null, null, 20)).as("capped to the newest 5").containsExactly(6L, 5L, 4L, 3L, 2L);
        assertThat(page(store, BASE + 5, null, null, 2)).containsExactly(4L, 3L);
        assertThat(page(store, null, BASE + 3, null, 20)).containsExactly(6L, 5L, 4L);
        assertThat(page(store, null, null, BASE + 2, 2)).containsExactly(4L, 3L);
        assertThat(page(store, BASE + 6, null, BASE + 2, 20)).containsExactly(5L, 4L, 3L);
        assertThat(store.page(ACCOUNT, new PageRequest(null, null, null, 1), 1).orElseThrow())
                .containsExactly(line(6));
        assertThat(store.page(ACCOUNT, new PageRequest(BASE + 4, null, null, 1), 1).orElseThrow())
                .as("a reblog keeps its original").containsExactly(line(3));

        store.remove(line(5), List.of(ACCOUNT, ACCOUNT - 1));
        assertThat(page(store, null, null, null, 20)).containsExactly(6L, 4L, 3L, 2L);
        store.removeAuthor(ACCOUNT, 8); // the odd ones
        assertThat(page(store, null, null, null, 20)).containsExactly(6L, 4L, 2L);
        store.addAll(ACCOUNT, List.of(line(9), line(0)));
        assertThat(page(store, null, null, null, 20)).containsExactly(9L, 6L, 4L, 2L, 0L);
        store.evict(ACCOUNT);
        assertThat(store.page(ACCOUNT, new PageRequest(null, null, null, 20), 20)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void pushesBatchesToWarmTimelinesOnly(HomeTimelineStore store) {
        store.evict(ACCOUNT);
        store.evict(ACCOUNT - 1);
        store.start(ACCOUNT);
        store.pushAll(java.util.Map.of(ACCOUNT, List.of(line(1), line(2), line(4)), ACCOUNT - 1, List.of(line(3))));
        assertThat(page(store, null, null, null, 20)).containsExactly(4L, 2L, 1L);
        assertThat(store.page(ACCOUNT - 1, new PageRequest(null, null, null, 20), 20)).as("cold").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void logsTheChangesFanOutMustKnow(HomeTimelineStore store) {
        AudienceChanges first = store.changesSince(null);
        assertThat(first.complete()).as("a first read has everything").isTrue();
        store.start(ACCOUNT);
        store.followersChanged(ACCOUNT - 1);
        AudienceChanges next = store.changesSince(first.cursor());
        assertThat(next.complete()).isFalse();
        assertThat(next.warmed()).contains(ACCOUNT);
        assertThat(next.followersChanged()).contains(ACCOUNT - 1);
        AudienceChanges after = store.changesSince(next.cursor());
        assertThat(after.warmed()).as("read once").doesNotContain(ACCOUNT);
        assertThat(after.followersChanged()).doesNotContain(ACCOUNT - 1);
        assertThat(store.changesSince(null).warmed()).as("every warm timeline, for a new reader").contains(ACCOUNT);
        store.evict(ACCOUNT);
    }

    /** A store, and how days pass for one of its timelines. */
    record Aging(HomeTimelineStore store, java.util.function.BiConsumer<Long, Duration> pass) {
        @Override
        public String toString() {
            return store.getClass().getSimpleName();
        }
    }

    /**
     * In memory, the clock moves and the hourly sweep runs; in Redis, the key's time to live shrinks by as much,
     * and an expiry in the past deletes it at once, as Redis would have once that time had passed.
     */
    static Stream<Aging> agings() {
        return stores().map(store -> {
            if (store instanceof RedisHomeTimelineStore) {
                StringRedisTemplate redis = new StringRedisTemplate(factory);
                return new Aging(store, (account, by) -> {
                    String key = "omnia:tl:home:" + account;
                    Long left = redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
                    redis.expire(key, Duration.ofMillis(left == null ? 0 : left).minus(by));
                });
            }
            ManualClock clock = new ManualClock();
            InMemoryHomeTimelineStore memory = new InMemoryHomeTimelineStore(MAX, clock);
            return new Aging(memory, (account, by) -> {
                clock.advance(by);
                memory.dropIdle();
            });
        });
    }

    @ParameterizedTest
    @MethodSource("agings")
    void aTimelineUnreadForThirtyDaysGoesColdAndTakesNoMoreFanOut(Aging aging) {
        HomeTimelineStore store = aging.store();
        PageRequest newest = new PageRequest(null, null, null, 20);
        store.evict(ACCOUNT);
        store.start(ACCOUNT);
        store.push(line(1), List.of(ACCOUNT));

        aging.pass().accept(ACCOUNT, Duration.ofDays(29));
        assertThat(page(store, null, null, null, 20)).as("read on day 29").containsExactly(1L);
        aging.pass().accept(ACCOUNT, Duration.ofDays(29));
        assertThat(page(store, null, null, null, 20)).as("day 58, but read 29 days ago").containsExactly(1L);

        aging.pass().accept(ACCOUNT, HomeTimelineStore.IDLE.plusMinutes(1));
        assertThat(store.page(ACCOUNT, newest, 20)).as("unread for 30 days: cold, rebuilt on return").isEmpty();
        store.push(line(2), List.of(ACCOUNT));
        store.pushAll(java.util.Map.of(ACCOUNT, List.of(line(3))));
        assertThat(store.page(ACCOUNT, newest, 20)).as("fan-out passes it by").isEmpty();

        store.start(ACCOUNT);
        assertThat(page(store, null, null, null, 20)).as("rebuilt from nothing: no stale line").isEmpty();
        store.evict(ACCOUNT);
    }

    private static final long AUTHOR = ACCOUNT - 2;

    private static HomeEntry by(int n) {
        return new HomeEntry(BASE + n, AUTHOR, null);
    }

    /** The author's kept lines for a page, or null when the store says they do not answer it. */
    private static List<Long> kept(HomeTimelineStore store, Long maxId, Long sinceId, Long minId, int limit) {
        var read = store.read(ACCOUNT, new PageRequest(maxId, sinceId, minId, limit), limit, List.of(AUTHOR))
                .orElseThrow();
        List<HomeEntry> lines = read.authorLines().get(AUTHOR);
        return lines == null ? null : lines.stream().map(e -> e.statusId() - BASE).toList();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void keepsABigAuthorsLinesAndSaysWhenTheyAnswerAPage(HomeTimelineStore store) {
        store.start(ACCOUNT);
        store.dropAuthor(AUTHOR);
        assertThat(kept(store, null, null, null, 20)).as("not kept: read the database").isNull();
        store.pushToAuthors(List.of(by(1)));
        assertThat(kept(store, null, null, null, 20)).as("a push does not start them").isNull();

        store.keepAuthor(AUTHOR, List.of(by(3), by(2)));
        store.pushToAuthors(List.of(by(4)));
        assertThat(kept(store, null, null, null, 20)).as("fewer than the cap: all of them").containsExactly(4L, 3L, 2L);
        assertThat(kept(store, BASE + 2, null, null, 20)).as("complete: nothing below").isEmpty();
        assertThat(kept(store, null, null, BASE + 2, 1)).containsExactly(3L);
        store.removeFromAuthor(by(3));
        assertThat(kept(store, null, null, null, 20)).containsExactly(4L, 2L);

        for (int n = 5; n <= 8; n++) {
            store.pushToAuthors(List.of(by(n)));
        }
        assertThat(kept(store, null, null, null, 3)).as("filled from the kept ones").containsExactly(8L, 7L, 6L);
        assertThat(kept(store, null, null, null, 20)).as("past the cap older lines may be missing").isNull();
        assertThat(kept(store, null, BASE + 5, null, 20)).as("above the oldest kept").containsExactly(8L, 7L, 6L);
        assertThat(kept(store, null, null, BASE + 5, 2)).containsExactly(7L, 6L);
        assertThat(kept(store, null, null, BASE + 3, 2)).as("below the oldest kept").isNull();

        store.dropAuthor(AUTHOR);
        assertThat(kept(store, null, null, null, 3)).isNull();
        store.keepAuthor(AUTHOR, List.of(by(9), by(8), by(7), by(6), by(5)));
        assertThat(kept(store, null, null, null, 3)).containsExactly(9L, 8L, 7L);
        assertThat(kept(store, null, null, null, 20)).as("as many as the cap: maybe more in the database").isNull();
        assertThat(store.read(ACCOUNT - 1, new PageRequest(null, null, null, 20), 20, List.of(AUTHOR)))
                .as("a cold timeline reads nothing").isEmpty();
        store.dropAuthor(AUTHOR);
        store.evict(ACCOUNT);
    }
}
