package app.omnia.platform.streaming;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.platform.security.CredentialsChanged;

/** Once a revocation or suspension is committed, every server copy re-checks that account's sockets. */
@Component
class CredentialsWatcher {

    private final StreamBus bus;

    CredentialsWatcher(StreamBus bus) {
        this.bus = bus;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CredentialsChanged changed) {
        bus.credentialsChanged(changed.accountId());
    }
}
