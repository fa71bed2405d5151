package app.omnia.platform;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.persistence.SqlDialect;
import app.omnia.platform.web.ApiException;
import app.omnia.support.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeysTest {

    private final ManualClock clock = new ManualClock();
    private IdempotencyKeys keys;
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).load().migrate();
        keys = new IdempotencyKeys(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), clock,
                new SqlDialect(dataSource));
    }

    @Test
    void theSameKeyAndRequestDoTheWorkOnceAndReplayItsResult() {
        long first = keys.once(1, "k", "body", () -> 100 + runs.incrementAndGet());
        long second = keys.once(1, "k", "body", () -> 100 + runs.incrementAndGet());

        assertThat(second).isEqualTo(first).isEqualTo(101);
        assertThat(runs).hasValue(1);
        assertThat(keys.once(2, "k", "body", () -> 200 + runs.incrementAndGet())).isEqualTo(202);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        keys.once(1, "k", "body", runs::incrementAndGet);
        assertThatThrownBy(() -> keys.once(1, "k", "other body", runs::incrementAndGet))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(422));
        assertThat(runs).hasValue(1);
    }

    @Test
    void withoutAKeyTheWorkAlwaysRunsAndOldKeysArePurged() {
        keys.once(1, null, "body", runs::incrementAndGet);
        keys.once(1, "", "body", runs::incrementAndGet);
        assertThat(runs).hasValue(2);

        keys.once(1, "k", "body", runs::incrementAndGet);
        assertThat(keys.purgeOlderThan(Duration.ofHours(24))).isZero();
        assertThat(keys.purgeOlderThan(Duration.ofSeconds(-1))).isEqualTo(1);
    }

    @Test
    void aKeyIsKeptForItsWholeRetentionAndForgottenAfter() {
        keys.once(1, "k", "body", () -> 100 + runs.incrementAndGet());

        clock.advance(Duration.ofHours(23));
        assertThat(keys.purgeOlderThan(IdempotencyKeys.RETENTION)).isZero();
        assertThat(keys.once(1, "k", "body", () -> 100 + runs.incrementAndGet())).isEqualTo(101);

        clock.advance(Duration.ofHours(2));
        assertThat(keys.purgeOlderThan(IdempotencyKeys.RETENTION)).isEqualTo(1);
        assertThat(keys.once(1, "k", "body", () -> 100 + runs.incrementAndGet())).isEqualTo(102);
    }
}
