package app.omnia.social;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.omnia.platform.IdGenerator;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Polls;

/** Writes the poll of a status as it is posted or edited, inside the status's own transaction. */
@Component
class StatusPolls {

    private final Polls polls;
    private final IdGenerator ids;
    private final Clock clock;

    StatusPolls(Polls polls, IdGenerator ids, Clock clock) {
        this.polls = polls;
        this.ids = ids;
        this.clock = clock;
    }

    void create(Status status, PollDrafts.Draft draft) {
        polls.insert(poll(ids.next(), status, draft));
    }

    Optional<Poll> of(long statusId) {
        return polls.ofStatus(statusId);
    }

    /** The poll's options, for a version of the edit history; null when the status has no poll. */
    List<String> optionsOf(long statusId) {
        return polls.ofStatus(statusId).map(Poll::options).orElse(null);
    }

    /**
     * An edit carries the whole status, as Mastodon's: without poll parameters the poll is removed. Changed
     * options (or switching single/multiple choice) void the votes cast so far; the poll runs again from now.
     */
    void edit(Status edited, Poll existing, PollDrafts.Draft draft) {
        if (draft == null) {
            if (existing != null) {
                polls.delete(existing.id());
            }
            return;
        }
        if (existing == null) {
            create(edited, draft);
            return;
        }
        boolean votesVoid = !existing.options().equals(draft.options()) || existing.multiple() != draft.multiple();
        polls.replace(poll(existing.id(), edited, draft), votesVoid);
    }

    private Poll poll(long pollId, Status status, PollDrafts.Draft draft) {
        Instant now = clock.instant();
        return new Poll(pollId, status.id(), status.accountId(), draft.options(), draft.multiple(), draft.hideTotals(),
                now.plusSeconds(draft.expiresIn()), null, now);
    }
}
