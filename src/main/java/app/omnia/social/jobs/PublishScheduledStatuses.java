package app.omnia.social.jobs;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.social.ScheduledStatusService;

/** Posts scheduled statuses whose time has come; every server copy runs it, and each status is posted once. */
@Component
class PublishScheduledStatuses {

    private final ScheduledStatusService scheduled;
    private final Clock clock;

    PublishScheduledStatuses(ScheduledStatusService scheduled, Clock clock) {
        this.scheduled = scheduled;
        this.clock = clock;
    }

    /** Every 10 seconds: Mastodon's own granularity is coarser (its scheduler runs every few minutes). */
    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void publish() {
        scheduled.publishDue(clock.instant());
    }
}
