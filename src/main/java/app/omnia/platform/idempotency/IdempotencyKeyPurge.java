package app.omnia.platform.idempotency;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys once their 24 hours are over, so the table stays small. */
@Component
class IdempotencyKeyPurge {

    private final IdempotencyKeys keys;

    IdempotencyKeyPurge(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        keys.purgeOlderThan(IdempotencyKeys.RETENTION);
    }
}
