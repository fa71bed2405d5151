package app.omnia.platform.ratelimit;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.ApiException;
import app.omnia.support.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    private final ManualClock clock = new ManualClock();

    private RateLimits limits(boolean enabled) {
        OmniaProperties properties = new OmniaProperties(Path.of("target"), java.net.URI.create("http://localhost"),
                "localhost", null, null, null, "", 0, "", null, null,
                new OmniaProperties.RateLimits(enabled, "3/1m", "100/1m", "2/30m", "5/5m", "2/15m", "3/1m", "3/1m", "3/1m"), null, null, null, null);
        return new RateLimits(new InMemoryRateCounter(clock), properties);
    }

    @Test
    void limitsParseFromSettings() {
        assertThat(Limit.parse("300/5m")).isEqualTo(new Limit(300, Duration.ofMinutes(5)));
        assertThat(Limit.parse(" 10 / 2h ")).isEqualTo(new Limit(10, Duration.ofHours(2)));
        assertThat(Limit.parse("1/1d").period()).isEqualTo(Duration.ofDays(1));
        for (String bad : new String[] {"300", "0/5m", "5/0m", "x/5m", "5/5w", ""}) {
            assertThatThrownBy(() -> Limit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pastTheLimitA429TellsWhenToRetryAndTheWindowThenReopens() {
        RateLimits limits = limits(true);
        for (int i = 0; i < 3; i++) {
            limits.hit(RateLimits.Name.WRITES_PER_ACCOUNT, "42");
        }
        assertThatThrownBy(() -> limits.hit(RateLimits.Name.WRITES_PER_ACCOUNT, "42"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.extra().get("retry_after")).isEqualTo(60L);
                });
        limits.hit(RateLimits.Name.WRITES_PER_ACCOUNT, "43");

        clock.advance(Duration.ofSeconds(61));
        limits.hit(RateLimits.Name.WRITES_PER_ACCOUNT, "42");
    }

    @Test
    void failureLimitsCountOnlyFailuresAndResetOnSuccess() {
        RateLimits limits = limits(true);
        limits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice");
        limits.count(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice");
        limits.count(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice");
        assertThatThrownBy(() -> limits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice"))
                .isInstanceOf(ApiException.class);

        limits.reset(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice");
        limits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, "alice");
    }

    @Test
    void switchedOffLimitsNeverRefuse() {
        RateLimits limits = limits(false);
        for (int i = 0; i < 100; i++) {
            limits.hit(RateLimits.Name.SIGN_UPS_PER_IP, "10.0.0.1");
        }
    }
}
