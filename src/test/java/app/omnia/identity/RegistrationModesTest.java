package app.omnia.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import app.omnia.identity.Account;
import app.omnia.identity.domain.AgePolicy;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.OmniaProperties.RegistrationMode;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.ratelimit.RateCounter;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registration modes and the first-admin setting, which are fixed per server start: checked here on a
 * real (in-memory H2) database with the real migrations, without starting a second application.
 */
class RegistrationModesTest {

    private Accounts accounts;
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        accounts = new Accounts(jdbc);
    }

    private RegistrationService service(RegistrationMode mode, boolean reasonRequired, boolean firstAdmin) {
        OmniaProperties properties = new OmniaProperties(Path.of("target"), URI.create("http://localhost"),
                "localhost", null, null, null, "", 0, "", new OmniaProperties.Registrations(mode, reasonRequired, firstAdmin),
                null, new OmniaProperties.RateLimits(false, "1/1m", "1/1m", "1/1m", "1/1m", "1/1m", "1/1m", "1/1m", "1/1m"), null, null, null, null);
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new IdGenerator(clock, properties);
        return new RegistrationService(accounts, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), ids, clock,
                new RateLimits(RateCounter.inMemory(clock), properties), new AuditLog(jdbc, ids, clock), properties, new AgePolicy(13, null, Map.of()));
    }

    private static SignUp signUp(String username, String reason) {
        return new SignUp(username, username + "@example.org", "a long enough passphrase", "1990-01-01", "FR", "fr",
                true, reason, "10.0.0.1");
    }

    @Test
    void closedRegistrationsRefuseEverySignUpAndStoreNothing() {
        assertThatThrownBy(() -> service(RegistrationMode.CLOSED, false, false).register(signUp("carol", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(accounts.count()).isZero();
    }

    @Test
    void approvalModeCreatesPendingAccountsAndCanRequireAReason() {
        RegistrationService approval = service(RegistrationMode.APPROVAL, true, false);
        assertThatThrownBy(() -> approval.register(signUp("dave", " ")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ApiException.FieldError::field).containsExactly("reason"));

        Account pending = approval.register(signUp("dave", "I run the local bakery"));

        assertThat(pending.approved()).isFalse();
        assertThat(pending.canAct()).isFalse();
        assertThat(accounts.findById(pending.id()).orElseThrow().registrationReason()).isEqualTo("I run the local bakery");
    }

    @Test
    void theFirstAccountBecomesAdminOnlyWhenConfiguredAndOnlyTheFirst() {
        RegistrationService firstAdmin = service(RegistrationMode.APPROVAL, false, true);
        Account first = firstAdmin.register(signUp("erin", null));
        Account second = firstAdmin.register(signUp("frank", null));

        assertThat(first.role()).isEqualTo(Role.ADMIN);
        assertThat(first.approved()).isTrue();
        assertThat(second.role()).isEqualTo(Role.USER);
        assertThat(second.approved()).isFalse();
        assertThat(jdbc.sql("SELECT action FROM audit_log").query(String.class).list())
                .isEqualTo(List.of("account.role.first_admin"));
    }
}
