package app.omnia.identity.jobs;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.omnia.identity.persistence.AuthorizationCodes;
import app.omnia.identity.persistence.WebSessions;

/** Deletes authorization codes and web sessions past their expiry (they are already refused; this tidies). */
@Component
class ExpiredCredentialsPurge {

    private final AuthorizationCodes codes;
    private final WebSessions sessions;
    private final Clock clock;

    ExpiredCredentialsPurge(AuthorizationCodes codes, WebSessions sessions, Clock clock) {
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        codes.deleteExpired(clock.instant());
        sessions.deleteExpired(clock.instant());
    }
}
