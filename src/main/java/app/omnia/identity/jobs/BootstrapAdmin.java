package app.omnia.identity.jobs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.omnia.platform.OmniaProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.Role;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.audit.AuditLog;

/**
 * Makes the account named by {@code omnia.bootstrap-admin} (OMNIA_BOOTSTRAP_ADMIN) an admin at start-up:
 * the documented way to give a fresh install its first admin after signing up normally. Idempotent.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final String username;

    BootstrapAdmin(Accounts accounts, AuditLog audit, Clock clock, OmniaProperties properties) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.username = properties.bootstrapAdmin() == null ? "" : properties.bootstrapAdmin().trim();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        accounts.findByUsername(username).ifPresentOrElse(account -> {
            if (account.role() != Role.ADMIN) {
                accounts.updateRole(account.id(), Role.ADMIN, clock.instant());
                audit.record(null, "account.role", "account", account.id(),
                        account.role().key() + " -> admin (omnia.bootstrap-admin)");
                log.info("Account @{} is now an admin (omnia.bootstrap-admin)", account.username());
            }
        }, () -> log.warn("omnia.bootstrap-admin names @{}, but no such account exists yet", username));
    }
}
