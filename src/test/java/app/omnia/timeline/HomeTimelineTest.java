package app.omnia.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home timelines served from the fan-out store (in memory on H2, Redis when configured): each correctness
 * rule is checked both in the store (so a rebuild from the database cannot hide a fan-out bug) and over HTTP.
 * Bob reads his home first in most tests: only warm timelines receive fan-out.
 */
@IntegrationTest
class HomeTimelineTest extends TwoPeopleTest {

    @Autowired
    HomeTimelineStore store;
    @Autowired
    FanOutExecutor executor;
    @Autowired
    FanOut fanOut;
    @Autowired
    BigAccounts big;

    private int defaultThreshold = -1;

    @AfterEach
    void restoreThreshold() throws InterruptedException {
        if (defaultThreshold >= 0) {
            big.threshold(defaultThreshold);
            fanOut.refreshBigAccounts();
        }
        settle();
    }

    @Test
    void aPostReachesTheWarmTimelinesOfFollowers() {
        follow(asBob, alice);
        home(asBob);
        String post = post(asAlice, "hello followers");
        settle();
        assertThat(stored(bob)).contains(post);
        assertThat(home(asBob)).contains(post);
    }

    @Test
    void ownPostShowsAtOnceWithoutWaitingForFanOut() {
        home(asAlice);
        String post = post(asAlice, "mine");
        assertThat(stored(alice)).contains(post);
        assertThat(home(asAlice)).first().isEqualTo(post);
    }

    @Test
    void aTimelineWarmedAfterTheAuthorWasFannedOutStillGetsTheirNextPosts() {
        follow(asBob, alice);
        post(asAlice, "while bob is away"); // fan-out learns alice's warm followers: none yet
        settle();
        home(asBob);
        String next = post(asAlice, "bob is back");
        settle();
        assertThat(stored(bob)).contains(next);
    }

    @Test
    void aNewFollowerGetsTheNextPostsAndOneWhoLeftDoesNot() {
        home(asBob);
        post(asAlice, "before bob follows"); // fan-out learns alice's warm followers: none yet
        settle();
        follow(asBob, alice);
        String followed = post(asAlice, "bob follows now");
        settle();
        assertThat(stored(bob)).contains(followed);
        assertThat(asBob.postForm("/api/v1/accounts/" + alice.id() + "/unfollow", Map.of()).status()).isEqualTo(200);
        String after = post(asAlice, "bob left");
        settle();
        assertThat(stored(bob)).doesNotContain(after, followed);
    }

    @Test
    void manyPostsAtOnceAllArrive() {
        follow(asBob, alice);
        home(asBob);
        List<String> posts = java.util.stream.IntStream.range(0, 20).parallel()
                .mapToObj(i -> post(asAlice, "burst " + i)).toList();
        settle();
        assertThat(stored(bob)).containsAll(posts);
    }

    @Test
    void followBringsInRecentPosts() {
        String older = post(asAlice, "before the follow");
        home(asBob);
        assertThat(stored(bob)).doesNotContain(older);
        follow(asBob, alice);
        assertThat(stored(bob)).contains(older);
        assertThat(home(asBob)).contains(older);
    }

    @Test
    void unfollowRemovesPostsAndReblogsOfTheAccount() {
        String reblog = followAndSeeAPostAndAReblog();
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/unfollow", Map.of());
        assertThat(stored(bob)).doesNotContain(reblog);
        assertThat(storedAuthors(bob)).doesNotContain(Long.parseLong(alice.id()));
        assertThat(home(asBob)).isEmpty();
    }

    @Test
    void muteRemovesPostsAndReblogsOfTheAccount() {
        followAndSeeAPostAndAReblog();
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/mute", Map.of());
        assertThat(storedAuthors(bob)).doesNotContain(Long.parseLong(alice.id()));
        assertThat(home(asBob)).isEmpty();
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/unmute", Map.of());
        assertThat(storedAuthors(bob)).contains(Long.parseLong(alice.id()));
    }

    @Test
    void blockRemovesPostsBothWays() {
        followAndSeeAPostAndAReblog();
        follow(asAlice, bob);
        home(asAlice);
        String bobs = post(asBob, "bob's");
        settle();
        assertThat(stored(alice)).contains(bobs);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertThat(storedAuthors(bob)).doesNotContain(Long.parseLong(alice.id()));
        assertThat(stored(alice)).doesNotContain(bobs);
        assertThat(home(asBob)).containsExactly(bobs);
    }

    @Test
    void deletedStatusLeavesEveryTimeline() {
        follow(asBob, alice);
        home(asBob);
        home(asAlice);
        String post = post(asAlice, "soon gone");
        settle();
        assertThat(stored(bob)).contains(post);
        assertThat(asAlice.delete("/api/v1/statuses/" + post).status()).isEqualTo(200);
        settle();
        assertThat(stored(bob)).doesNotContain(post);
        assertThat(stored(alice)).doesNotContain(post);
        assertThat(home(asBob)).doesNotContain(post);
    }

    @Test
    void aReblogOfAPostAlreadyInViewIsNotRepeated() {
        Api asCarol = newPerson();
        Api asDave = newPerson();
        follow(asBob, alice);
        follow(asBob, accountOf(asCarol));
        follow(asBob, accountOf(asDave));
        home(asBob);
        String original = post(asCarol, "worth sharing");
        String first = reblog(asAlice, original);
        String second = reblog(asDave, original);
        settle();
        assertThat(stored(bob)).contains(original, first, second);
        assertThat(home(asBob)).containsExactly(original);

        // Without the original in view, only the newest reblog shows.
        asBob.postForm("/api/v1/accounts/" + accountOf(asCarol).id() + "/unfollow", Map.of());
        assertThat(home(asBob)).containsExactly(second);
    }

    @Test
    void followersNotShowingReblogsDoNotGetThem() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("reblogs", "false"));
        home(asBob);
        String own = post(asAlice, "alice says");
        String reblog = reblog(asAlice, post(newPerson(), "someone says"));
        settle();
        assertThat(stored(bob)).contains(own).doesNotContain(reblog);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("reblogs", "true"));
        assertThat(stored(bob)).contains(own, reblog);
    }

    @Test
    void postsOfBigAccountsAreMergedInAtReadTimeNotCopied() throws InterruptedException {
        follow(asBob, alice);
        home(asBob);
        home(asAlice);
        defaultThreshold = big.threshold();
        big.threshold(0); // every followed account counts as big
        fanOut.refreshBigAccounts();
        String post = post(asAlice, "to a million followers");
        settle();
        assertThat(stored(bob)).doesNotContain(post);
        assertThat(home(asBob)).first().isEqualTo(post);
        assertThat(stored(alice)).contains(post); // the author's own timeline still gets it
    }

    @Test
    void aBigAccountsLinesAreKeptOnceAndFollowItsChanges() throws InterruptedException {
        follow(asBob, alice);
        String before = post(asAlice, "before alice counted as big");
        home(asBob);
        defaultThreshold = big.threshold();
        big.threshold(0);
        fanOut.refreshBigAccounts();
        assertThat(kept(alice)).as("kept from the database when alice joins").contains(before);
        String post = post(asAlice, "to a million followers");
        String reblog = reblog(asAlice, post(newPerson(), "shared by a big account"));
        settle();
        assertThat(kept(alice)).contains(post, reblog);
        assertThat(stored(bob)).doesNotContain(post, reblog);
        assertThat(home(asBob)).startsWith(reblog, post);

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of("reblogs", "false"));
        assertThat(home(asBob)).contains(post).doesNotContain(reblog);
        assertThat(asAlice.delete("/api/v1/statuses/" + post).status()).isEqualTo(200);
        settle();
        assertThat(kept(alice)).doesNotContain(post);
        assertThat(home(asBob)).doesNotContain(post);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/unfollow", Map.of());
        assertThat(home(asBob)).doesNotContain(before);

        big.threshold(defaultThreshold);
        fanOut.refreshBigAccounts();
        assertThat(store.read(id(bob), page(), 40, List.of(id(alice))).orElseThrow().authorLines())
                .as("no longer kept once alice is not big").doesNotContainKey(id(alice));
    }

    @Test
    void pagingStaysStableWhileNewPostsArrive() {
        follow(asBob, alice);
        home(asBob);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(post(asAlice, "post " + i));
        }
        settle();
        List<String> first = ids(asBob.get("/api/v1/timelines/home?limit=2").json());
        assertThat(first).containsExactly(posts.get(4), posts.get(3));
        String newer = post(asAlice, "arrives meanwhile");
        settle();
        assertThat(ids(asBob.get("/api/v1/timelines/home?limit=2&max_id=" + first.get(1)).json()))
                .containsExactly(posts.get(2), posts.get(1));
        assertThat(ids(asBob.get("/api/v1/timelines/home?limit=2&min_id=" + posts.get(0)).json()))
                .containsExactly(posts.get(2), posts.get(1));
        assertThat(ids(asBob.get("/api/v1/timelines/home?min_id=" + first.get(0)).json())).containsExactly(newer);
        assertThat(ids(asBob.get("/api/v1/timelines/home?since_id=" + posts.get(3)).json()))
                .containsExactly(newer, posts.get(4));
    }

    @Test
    void aColdTimelineIsRebuiltFromTheDatabase() {
        follow(asBob, alice);
        String post = post(asAlice, "while bob was away");
        settle();
        store.evict(id(bob));
        assertThat(store.page(id(bob), page(), 40)).isEmpty();
        assertThat(home(asBob)).containsExactly(post);
        assertThat(stored(bob)).containsExactly(post);
    }

    @Test
    void pagesOlderThanTheStoreComeFromTheDatabase() {
        follow(asBob, alice);
        String oldest = post(asAlice, "oldest");
        String middle = post(asAlice, "middle");
        home(asBob);
        String newest = post(asAlice, "newest");
        settle();
        // As if the cap had pushed the two older lines out of the store.
        store.remove(new HomeEntry(Long.parseLong(oldest), id(alice), null), List.of(id(bob)));
        store.remove(new HomeEntry(Long.parseLong(middle), id(alice), null), List.of(id(bob)));
        assertThat(ids(asBob.get("/api/v1/timelines/home?limit=2").json())).containsExactly(newest, middle);
        assertThat(ids(asBob.get("/api/v1/timelines/home?max_id=" + middle).json())).containsExactly(oldest);
    }

    // --- helpers

    /** Waits for asynchronous fan-out to finish (no sleeping: the executor counts its tasks). */
    private void settle() {
        try {
            assertThat(executor.awaitIdle(Duration.ofSeconds(20))).as("fan-out drained").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String followAndSeeAPostAndAReblog() {
        follow(asBob, alice);
        home(asBob);
        String post = post(asAlice, "a post");
        String reblog = reblog(asAlice, post(newPerson(), "shared by alice"));
        settle();
        assertThat(stored(bob)).contains(post, reblog);
        return reblog;
    }

    private Api newPerson() {
        return api.withToken(TestAccounts.newUser(api, "read write follow").token());
    }

    private static TestAccounts.User accountOf(Api as) {
        var me = as.get("/api/v1/accounts/verify_credentials").json();
        return new TestAccounts.User(me.get("id").asString(), me.get("username").asString(), null);
    }

    private static void follow(Api as, TestAccounts.User target) {
        assertThat(as.postForm("/api/v1/accounts/" + target.id() + "/follow", Map.of()).status()).isEqualTo(200);
    }

    private static String post(Api as, String text) {
        Api.Response posted = as.postForm("/api/v1/statuses", Map.of("status", text));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        return posted.json().get("id").asString();
    }

    private static String reblog(Api as, String statusId) {
        Api.Response reblogged = as.postForm("/api/v1/statuses/" + statusId + "/reblog", Map.of());
        assertThat(reblogged.status()).as(reblogged.toString()).isEqualTo(200);
        return reblogged.json().get("id").asString();
    }

    private static List<String> home(Api as) {
        Api.Response response = as.get("/api/v1/timelines/home");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return ids(response.json());
    }

    private List<String> stored(TestAccounts.User user) {
        return storedLines(user).stream().map(e -> String.valueOf(e.statusId())).toList();
    }

    /** A big account's lines kept in the store (complete: the test accounts post far fewer than the cap). */
    private List<String> kept(TestAccounts.User author) {
        List<HomeEntry> lines = store.read(id(bob), page(), 40, List.of(id(author))).orElseThrow().authorLines()
                .get(id(author));
        assertThat(lines).as("lines kept for " + author.username()).isNotNull();
        return lines.stream().map(e -> String.valueOf(e.statusId())).toList();
    }

    private List<Long> storedAuthors(TestAccounts.User user) {
        return storedLines(user).stream().map(HomeEntry::authorId).toList();
    }

    private List<HomeEntry> storedLines(TestAccounts.User user) {
        return store.page(id(user), page(), 40).orElseThrow(() -> new AssertionError("timeline is cold"));
    }

    private static PageRequest page() {
        return new PageRequest(null, null, null, 40);
    }

    private static long id(TestAccounts.User user) {
        return Long.parseLong(user.id());
    }
}
