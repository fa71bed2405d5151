package app.omnia.social;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.PollPolicy;
import app.omnia.social.persistence.Polls;

/**
 * Reading and voting on polls. A poll is visible exactly when its status is ({@link StatusService#visible}),
 * so a poll one may not see answers 404, like a status.
 */
@Service
public class PollService {

    private final Polls polls;
    private final StatusService statuses;
    private final IdGenerator ids;
    private final Clock clock;

    PollService(Polls polls, StatusService statuses, IdGenerator ids, Clock clock) {
        this.polls = polls;
        this.statuses = statuses;
        this.ids = ids;
        this.clock = clock;
    }

    /** The poll if the viewer may see its status; otherwise 404. */
    public Poll visible(Long viewerId, long pollId) {
        Poll poll = polls.find(pollId).orElseThrow(ApiException::notFound);
        statuses.visible(viewerId, poll.statusId());
        return poll;
    }

    /**
     * Casts the viewer's vote: {@code choices} are option indexes. Refused with 422 on an ended poll, one's own
     * poll, a second vote, or choices that do not fit the poll; nothing is written then.
     */
    @Transactional
    public Poll vote(Viewer viewer, long pollId, List<String> choices) {
        long voter = viewer.accountId();
        Poll poll = visible(voter, pollId);
        Instant now = clock.instant();
        boolean votedBefore = !polls.choicesOf(voter, List.of(pollId)).isEmpty();
        PollPolicy.refusal(voter, poll, now, votedBefore).ifPresent(PollService::refuse);
        Set<Integer> chosen = choices(poll, choices);
        if (!polls.addVoter(pollId, voter, now)) {
            refuse(PollPolicy.Refusal.ALREADY_VOTED); // a concurrent request won the race
        }
        for (int choice : chosen) {
            polls.addVote(ids.next(), pollId, voter, choice, now);
        }
        return poll;
    }

    private static Set<Integer> choices(Poll poll, List<String> given) {
        if (given.isEmpty()) {
            throw ApiException.validation("choices", "ERR_BLANK", "choices can't be blank");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String text : given) {
            int choice;
            try {
                choice = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw ApiException.validation("choices", "ERR_INVALID", "choices must be option numbers");
            }
            if (choice < 0 || choice >= poll.options().size()) {
                throw ApiException.validation("choices", "ERR_INVALID", "choices must be between 0 and "
                        + (poll.options().size() - 1));
            }
            if (!chosen.add(choice)) {
                throw ApiException.validation("choices", "ERR_INVALID", "choices must not repeat an option");
            }
        }
        if (!poll.multiple() && chosen.size() > 1) {
            throw ApiException.validation("choices", "ERR_INVALID", "This poll allows only one choice");
        }
        return chosen;
    }

    private static void refuse(PollPolicy.Refusal refusal) {
        throw ApiException.validation("choices", refusal.code(), refusal.message());
    }
}
