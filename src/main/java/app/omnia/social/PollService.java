package app.omnia.social;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.PollPolicy;
import app.omnia.social.persistence.Polls;

/**
 * Reading, voting on and closing polls. A poll is visible exactly when its status is ({@link StatusService#visible}),
 * so a poll one may not see answers 404, like a status.
 */
@Service
public class PollService {

    /** How many ended polls one run of the closing job handles; the next run takes the rest. */
    static final int CLOSE_BATCH = 200;

    private final Polls polls;
    private final StatusService statuses;
    private final NotificationService notifications;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PollService(Polls polls, StatusService statuses, NotificationService notifications, IdGenerator ids, Clock clock,
                PlatformTransactionManager transactions) {
        this.polls = polls;
        this.statuses = statuses;
        this.notifications = notifications;
        this.ids = ids;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
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

    /**
     * Handles polls that ended by {@code now}: each voter and the author get one {@code poll} notification.
     * Each poll is claimed and notified in one transaction, so a run that is repeated, or that races another
     * server copy, notifies nobody twice; a run that fails leaves the poll for the next one.
     *
     * @return how many polls this run closed
     */
    public int closeEnded(Instant now) {
        int closed = 0;
        for (long pollId : polls.endedUnclosed(now, CLOSE_BATCH)) {
            Boolean claimed = transaction.execute(status -> {
                if (!polls.claimEnded(pollId, now)) {
                    return false;
                }
                polls.find(pollId).ifPresent(poll ->
                        notifications.pollEnded(poll.accountId(), polls.voters(pollId), poll.statusId()));
                return true;
            });
            closed += Boolean.TRUE.equals(claimed) ? 1 : 0;
        }
        return closed;
    }
}
