package app.omnia.social.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.social.PollService;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls on statuses: creating (form and JSON), voting, results, visibility, and the end-of-poll notifications. */
@IntegrationTest
class PollsTest extends TwoPeopleTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PollService polls;

    @Autowired
    Clock clock;
    @Autowired
    app.omnia.social.persistence.StatusCardCache statusCache;

    /** A form body that may repeat a name, as {@code poll[options][]} does. */
    private static String form(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(Api.formBody(Map.of(namesAndValues[i], namesAndValues[i + 1])));
        }
        return String.join("&", pairs);
    }

    private static Api.Response postPoll(Api as, String... extra) {
        List<String> fields = new ArrayList<>(List.of("status", "Which one?", "poll[options][]", "tea",
                "poll[options][]", "coffee", "poll[options][]", "water", "poll[expires_in]", "3600"));
        fields.addAll(List.of(extra));
        return as.send("POST", "/api/v1/statuses", FORM, form(fields.toArray(String[]::new)));
    }

    private static Api.Response vote(Api as, String pollId, int... choices) {
        List<String> fields = new ArrayList<>();
        for (int choice : choices) {
            fields.add("choices[]");
            fields.add(String.valueOf(choice));
        }
        return as.send("POST", "/api/v1/polls/" + pollId + "/votes", FORM, form(fields.toArray(String[]::new)));
    }

    /** Moves a poll's end into the past, as if its time had run out (behind the status cache's back). */
    private void endPoll(String pollId) {
        jdbc.sql("UPDATE polls SET expires_at = ? WHERE id = ?")
                .params(SqlTime.of(clock.instant().minusSeconds(1)), Long.parseLong(pollId)).update();
        statusCache.clear();
    }

    private int statusCount(Api as, User user) {
        return as.get("/api/v1/accounts/" + user.id() + "/statuses").json().size();
    }

    @Test
    void aSingleChoicePollFromAFormIsVotedOnAndCounted() {
        JsonNode status = postPoll(asAlice).json();
        JsonNode poll = status.get("poll");
        assertThat(poll.get("id").isString()).isTrue();
        assertThat(poll.get("multiple").asBoolean()).isFalse();
        assertThat(poll.get("expired").asBoolean()).isFalse();
        assertThat(Instant.parse(poll.get("expires_at").asString()))
                .isBetween(clock.instant().plusSeconds(3500), clock.instant().plusSeconds(3700));
        assertThat(poll.get("options").valueStream().map(o -> o.get("title").asString()).toList())
                .containsExactly("tea", "coffee", "water");
        assertThat(poll.at("/options/0/votes_count").asLong()).isZero();
        assertThat(poll.get("voters_count").isNull()).isTrue(); // documented: null on a single-choice poll
        assertThat(poll.get("emojis").isArray()).isTrue();
        assertThat(poll.get("voted").asBoolean()).isTrue(); // the author counts as having voted (Mastodon)
        String pollId = poll.get("id").asString();

        JsonNode voted = vote(asBob, pollId, 1).json();
        assertThat(voted.get("voted").asBoolean()).isTrue();
        assertThat(voted.get("own_votes").valueStream().map(JsonNode::asInt).toList()).containsExactly(1);
        assertThat(voted.get("votes_count").asLong()).isEqualTo(1);
        assertThat(voted.at("/options/1/votes_count").asLong()).isEqualTo(1);

        JsonNode seenByAlice = asAlice.get("/api/v1/polls/" + pollId).json();
        assertThat(seenByAlice.get("own_votes")).isEmpty();
        assertThat(seenByAlice.at("/options/1/votes_count").asLong()).isEqualTo(1);
        JsonNode anonymous = api.get("/api/v1/polls/" + pollId).json();
        assertThat(anonymous.has("voted")).isFalse();
        assertThat(anonymous.has("own_votes")).isFalse();
    }

    @Test
    void aMultipleChoicePollFromJsonCountsVotesAndVoters() {
        User carol = TestAccounts.newUser(api, "read write follow");
        Api asCarol = api.withToken(carol.token());
        JsonNode status = asAlice.postJson("/api/v1/statuses", Map.of("status", "Pick any",
                "poll", Map.of("options", List.of("red", "green", "blue"), "expires_in", 600, "multiple", true)))
                .json();
        String pollId = status.at("/poll/id").asString();
        assertThat(status.at("/poll/multiple").asBoolean()).isTrue();

        assertThat(asBob.postJson("/api/v1/polls/" + pollId + "/votes", Map.of("choices", List.of(0, 2))).status())
                .isEqualTo(200);
        JsonNode after = vote(asCarol, pollId, 2).json();

        assertThat(after.get("votes_count").asLong()).isEqualTo(3);
        assertThat(after.get("voters_count").asLong()).isEqualTo(2);
        assertThat(after.get("options").valueStream().map(o -> o.get("votes_count").asLong()).toList())
                .containsExactly(1L, 0L, 2L);
        assertThat(asBob.get("/api/v1/polls/" + pollId).json().get("own_votes").valueStream()
                .map(JsonNode::asInt).toList()).containsExactly(0, 2);
    }

    @Test
    void theStatusShowsItsPollToOtherViewersInEveryList() {
        String statusId = postPoll(asAlice).json().get("id").asString();
        JsonNode seen = asBob.get("/api/v1/statuses/" + statusId).json();
        assertThat(seen.at("/poll/options/2/title").asString()).isEqualTo("water");
        assertThat(seen.at("/poll/voted").asBoolean()).isFalse();
        JsonNode timeline = asBob.get("/api/v1/accounts/" + alice.id() + "/statuses").json();
        assertThat(timeline.get(0).at("/poll/id").asString()).isEqualTo(seen.at("/poll/id").asString());
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "no poll here")).json().get("poll").isNull())
                .isTrue();
    }

    @Test
    void hiddenTotalsStayHiddenUntilThePollEnds() {
        String pollId = postPoll(asAlice, "poll[hide_totals]", "true").json().at("/poll/id").asString();
        JsonNode voted = vote(asBob, pollId, 0).json();
        assertThat(voted.at("/options/0/votes_count").isNull()).isTrue();
        assertThat(asAlice.get("/api/v1/polls/" + pollId).json().at("/options/0/votes_count").isNull()).isTrue();

        endPoll(pollId);
        JsonNode ended = asBob.get("/api/v1/polls/" + pollId).json();
        assertThat(ended.get("expired").asBoolean()).isTrue();
        assertThat(ended.at("/options/0/votes_count").asLong()).isEqualTo(1);
    }

    @Test
    void refusedVotesWriteNothing() {
        String pollId = postPoll(asAlice).json().at("/poll/id").asString();

        assertThat(vote(asBob, pollId).status()).isEqualTo(422);
        assertThat(vote(asBob, pollId, 3).json().at("/errors/0/field").asString()).isEqualTo("choices");
        assertThat(vote(asBob, pollId, -1).status()).isEqualTo(422);
        assertThat(vote(asBob, pollId, 0, 1).status()).isEqualTo(422); // single choice
        assertThat(asBob.send("POST", "/api/v1/polls/" + pollId + "/votes", FORM, "choices[]=first").status())
                .isEqualTo(422);
        assertThat(vote(asAlice, pollId, 0).status()).isEqualTo(422); // one's own poll
        assertThat(asBob.get("/api/v1/polls/" + pollId).json().get("voted").asBoolean()).isFalse();

        assertThat(vote(asBob, pollId, 0).status()).isEqualTo(200);
        Api.Response again = vote(asBob, pollId, 1);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("error").asString()).contains("already voted");
        assertThat(asBob.get("/api/v1/polls/" + pollId).json().get("votes_count").asLong()).isEqualTo(1);
    }

    @Test
    void anEndedPollRefusesVotes() {
        String pollId = postPoll(asAlice).json().at("/poll/id").asString();
        endPoll(pollId);
        Api.Response late = vote(asBob, pollId, 0);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("error").asString()).contains("ended");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "poll[options][]=only&poll[expires_in]=3600                                             | poll[options]",
            "poll[options][]=a&poll[options][]=b&poll[options][]=c&poll[options][]=d&poll[options][]=e&poll[expires_in]=3600 | poll[options]",
            "poll[options][]=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&poll[options][]=b&poll[expires_in]=3600 | poll[options]",
            "poll[options][]=same&poll[options][]=same&poll[expires_in]=3600                         | poll[options]",
            "poll[options][]=a&poll[options][]=%20&poll[expires_in]=3600                             | poll[options]",
            "poll[options][]=a&poll[options][]=b&poll[expires_in]=10                                 | poll[expires_in]",
            "poll[options][]=a&poll[options][]=b&poll[expires_in]=abc                                | poll[expires_in]",
            "poll[options][]=a&poll[options][]=b&poll[expires_in]=99999999                           | poll[expires_in]",
            "poll[options][]=a&poll[options][]=b                                                     | poll[expires_in]",
            "poll[options][]=a&poll[options][]=b&poll[expires_in]=3600&media_ids[]=1                 | media_ids"})
    void badPollsAreRefusedByFieldAndWriteNoStatus(String pollFields, String field) {
        int before = statusCount(asAlice, alice);
        Api.Response response = asAlice.send("POST", "/api/v1/statuses", FORM,
                "status=question&" + pollFields.replace("[", "%5B").replace("]", "%5D"));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains(field);
        assertThat(statusCount(asAlice, alice)).isEqualTo(before);
    }

    @Test
    void badPollsInJsonAreNamedToo() {
        Api.Response response = asAlice.postJson("/api/v1/statuses", Map.of("status", "q",
                "poll", Map.of("options", List.of("a", "b"), "expires_in", "abc")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("poll[expires_in]");
        JsonNode none = asAlice.send("POST", "/api/v1/statuses", "application/json",
                "{\"status\": \"no poll\", \"poll\": null}").json();
        assertThat(none.get("poll").isNull()).isTrue();
    }

    @Test
    void aPrivatePollIsHiddenFromNonFollowersAndFromBlockedAccounts() {
        String pollId = postPoll(asAlice, "visibility", "private").json().at("/poll/id").asString();
        assertThat(asBob.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
        assertThat(vote(asBob, pollId, 0).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);

        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        assertThat(asBob.get("/api/v1/polls/" + pollId).status()).isEqualTo(200);

        String publicPoll = postPoll(asAlice).json().at("/poll/id").asString();
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Api.form());
        assertThat(asBob.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
        assertThat(asBob.get("/api/v1/polls/" + publicPoll).status()).isEqualTo(404);
        assertThat(vote(asBob, publicPoll, 0).status()).isEqualTo(404);
        assertThat(asAlice.get("/api/v1/polls/" + publicPoll).json().get("votes_count").asLong()).isZero();
    }

    @Test
    void anEndedPollNotifiesItsVotersAndAuthorOnce() {
        User carol = TestAccounts.newUser(api, "read write follow");
        Api asCarol = api.withToken(carol.token());
        JsonNode status = postPoll(asAlice).json();
        String pollId = status.at("/poll/id").asString();
        vote(asBob, pollId, 0);
        vote(asCarol, pollId, 1);

        endPoll(pollId);
        polls.closeEnded(clock.instant());
        polls.closeEnded(clock.instant()); // a second run, or another server copy, adds nothing

        for (Api as : List.of(asAlice, asBob, asCarol)) {
            JsonNode notifications = as.get("/api/v1/notifications?types[]=poll").json();
            assertThat(notifications).as("poll notifications").hasSize(1);
            assertThat(notifications.at("/0/account/id").asString()).isEqualTo(alice.id());
            assertThat(notifications.at("/0/status/id").asString()).isEqualTo(status.get("id").asString());
            assertThat(notifications.at("/0/status/poll/expired").asBoolean()).isTrue();
            assertThat(as.get("/api/v1/notifications?exclude_types[]=poll").json().valueStream()
                    .filter(n -> n.get("type").asString().equals("poll")).toList()).isEmpty();
        }
    }

    @Test
    void editingThePollOptionsResetsTheVotesAndKeepsHistory() {
        JsonNode status = postPoll(asAlice).json();
        String id = status.get("id").asString();
        String pollId = status.at("/poll/id").asString();
        vote(asBob, pollId, 0);

        // Same options, new text: the votes stay.
        JsonNode same = asAlice.send("PUT", "/api/v1/statuses/" + id, FORM, form("status", "Which one, really?",
                "poll[options][]", "tea", "poll[options][]", "coffee", "poll[options][]", "water",
                "poll[expires_in]", "3600")).json();
        assertThat(same.at("/poll/votes_count").asLong()).isEqualTo(1);

        JsonNode changed = asAlice.send("PUT", "/api/v1/statuses/" + id, FORM, form("status", "Which one?",
                "poll[options][]", "tea", "poll[options][]", "juice", "poll[expires_in]", "3600")).json();
        assertThat(changed.at("/poll/votes_count").asLong()).isZero();
        assertThat(changed.at("/poll/options/1/title").asString()).isEqualTo("juice");
        assertThat(asBob.get("/api/v1/polls/" + pollId).json().get("voted").asBoolean()).isFalse();

        JsonNode history = asBob.get("/api/v1/statuses/" + id + "/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.at("/0/poll/options/2/title").asString()).isEqualTo("water");
        assertThat(history.at("/2/poll/options").size()).isEqualTo(2);

        // An edit without poll parameters removes the poll, as in Mastodon.
        JsonNode removed = asAlice.send("PUT", "/api/v1/statuses/" + id, FORM, form("status", "No more poll"))
                .json();
        assertThat(removed.get("poll").isNull()).isTrue();
        assertThat(asBob.get("/api/v1/polls/" + pollId).status()).isEqualTo(404);
    }

    @Test
    void deletingTheStatusDeletesThePoll() {
        JsonNode status = postPoll(asAlice).json();
        asAlice.delete("/api/v1/statuses/" + status.get("id").asString());
        assertThat(asBob.get("/api/v1/polls/" + status.at("/poll/id").asString()).status()).isEqualTo(404);
    }

    @Test
    void votingNeedsTheWriteStatusesScope() {
        String pollId = postPoll(asAlice).json().at("/poll/id").asString();
        User reader = TestAccounts.newUser(api, "read");
        Api asReader = api.withToken(reader.token());
        assertThat(vote(asReader, pollId, 0).status()).isEqualTo(403);
        assertThat(vote(api, pollId, 0).status()).isEqualTo(401);
        assertThat(asBob.get("/api/v1/polls/99999999").status()).isEqualTo(404);
    }
}
