package app.omnia.messaging.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.messaging.ChatMediaService;

/** Chat uploads that no message (nor group avatar) took within a day go, rows and files. */
@Component
class FreeChatMediaPurge {

    private static final Logger log = LoggerFactory.getLogger(FreeChatMediaPurge.class);

    private final ChatMediaService media;

    FreeChatMediaPurge(ChatMediaService media) {
        this.media = media;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void purge() {
        int purged = media.purgeFree();
        if (purged > 0) {
            log.info("Purged {} chat uploads no message took within {}", purged, ChatMediaService.FREE_RETENTION);
        }
    }
}
