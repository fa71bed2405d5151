package app.omnia.moderation.jobs;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.moderation.TemporarySuspensions;

/** Lifts temporary suspensions whose end has come, about once a minute (on every copy; lifting twice is harmless). */
@Component
class SuspensionExpiry {

    private final TemporarySuspensions suspensions;
    private final Clock clock;

    SuspensionExpiry(TemporarySuspensions suspensions, Clock clock) {
        this.suspensions = suspensions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void liftEnded() {
        suspensions.liftEnded(clock.instant());
    }
}
