package app.omnia.social.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.platform.web.JsonTime;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.PollPolicy;
import app.omnia.social.persistence.Polls;

/** Turns polls into Mastodon JSON for one viewer: any number of polls in at most three queries. */
@Component
class PollJsons {

    private final Polls polls;
    private final Clock clock;

    PollJsons(Polls polls, Clock clock) {
        this.polls = polls;
        this.clock = clock;
    }

    PollJson one(Poll poll, Long viewerId) {
        return page(List.of(poll), viewerId).get(poll.id());
    }

    /** The JSON of each poll, by poll id. */
    Map<Long, PollJson> page(List<Poll> page, Long viewerId) {
        Map<Long, PollJson> json = new HashMap<>();
        if (page.isEmpty()) {
            return json;
        }
        List<Long> ids = page.stream().map(Poll::id).toList();
        Map<Long, Polls.Tally> tallies = polls.tallies(ids);
        Map<Long, List<Integer>> own = viewerId == null ? Map.of() : polls.choicesOf(viewerId, ids);
        Instant now = clock.instant();
        for (Poll poll : page) {
            json.put(poll.id(), json(poll, tallies.getOrDefault(poll.id(), Polls.Tally.NONE), viewerId,
                    own.get(poll.id()), now));
        }
        return json;
    }

    private static PollJson json(Poll poll, Polls.Tally tally, Long viewerId, List<Integer> ownVotes, Instant now) {
        boolean showTotals = PollPolicy.showsTotals(poll, now);
        List<PollJson.OptionJson> options = new ArrayList<>();
        for (int i = 0; i < poll.options().size(); i++) {
            options.add(new PollJson.OptionJson(poll.options().get(i),
                    showTotals ? tally.votesByChoice().getOrDefault(i, 0L) : null));
        }
        return new PollJson(String.valueOf(poll.id()), JsonTime.of(poll.expiresAt()), poll.expired(now),
                poll.multiple(), tally.votes(), poll.multiple() ? tally.voters() : null, options, List.of(),
                viewerId == null ? null : PollPolicy.countsAsVoted(viewerId, poll, ownVotes != null),
                viewerId == null ? null : ownVotes == null ? List.of() : ownVotes);
    }
}
