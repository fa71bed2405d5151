package app.omnia.social.jobs;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.social.PollService;

/**
 * Every minute, closes the polls that have ended and notifies their voters and authors. Safe on several
 * server copies at once: each poll is claimed by one atomic update ({@link PollService#closeEnded}).
 */
@Component
class PollClosing {

    private final PollService polls;
    private final Clock clock;

    PollClosing(PollService polls, Clock clock) {
        this.polls = polls;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void closeEnded() {
        polls.closeEnded(clock.instant());
    }
}
