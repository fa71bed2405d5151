package app.omnia.social.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.social.MediaService;

/**
 * Uploads that no status took within a day are abandoned drafts: their rows and files go. Safe to run on
 * several server copies at once (each deletion re-checks that the upload is still unattached).
 */
@Component
class UnattachedMediaPurge {

    private static final Logger log = LoggerFactory.getLogger(UnattachedMediaPurge.class);

    private final MediaService media;

    UnattachedMediaPurge(MediaService media) {
        this.media = media;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        int purged = media.purgeUnattached();
        if (purged > 0) {
            log.info("Purged {} unattached media uploads older than {}", purged, MediaService.UNATTACHED_RETENTION);
        }
    }
}
