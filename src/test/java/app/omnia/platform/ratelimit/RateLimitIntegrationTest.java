package app.omnia.platform.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits over HTTP, with the counters of the configured store (in memory, or Redis when set). */
@IntegrationTest
class RateLimitIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RateCounter counter;

    @Test
    void theSixthSignUpFromOneAddressWaitsWhileAnotherAddressIsServed() {
        Api api = Api.at(port);
        String appToken = TestAccounts.appToken(api, TestAccounts.registerApp(api, "read write"), "write");
        for (int i = 0; i < 5; i++) {
            assertThat(TestAccounts.trySignUp(api, appToken, TestAccounts.adult(TestAccounts.uniqueName("rl")))
                    .status()).isEqualTo(200);
        }

        Api.Response sixth = TestAccounts.trySignUp(api, appToken, TestAccounts.adult(TestAccounts.uniqueName("rl")));

        assertThat(sixth.status()).isEqualTo(429);
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 1800L);
        assertThat(sixth.json().get("type").asString()).isEqualTo("urn:omnia:problem:rate-limited");
        assertThat(TestAccounts.trySignUp(api.stranger(), appToken,
                TestAccounts.adult(TestAccounts.uniqueName("rl"))).status()).isEqualTo(200);
    }

    @Test
    void theConfiguredCounterStoreCountsPeeksAndForgets() {
        String key = "test:" + UUID.randomUUID();
        counter.increment(key, Duration.ofMinutes(1));
        counter.increment(key, Duration.ofMinutes(1));
        RateCounter.Window third = counter.increment(key, Duration.ofMinutes(1));

        assertThat(third.count()).isEqualTo(3);
        assertThat(third.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(counter.peek(key).count()).isEqualTo(3);
        counter.decrement(key);
        assertThat(counter.peek(key).count()).as("a hit taken back").isEqualTo(2);
        assertThat(counter.peek(key).remaining()).as("the window keeps its end").isPositive();
        counter.reset(key);
        counter.decrement(key);
        assertThat(counter.peek(key).count()).as("no window: nothing to take back").isZero();
        assertThat(counter.peek(key).count()).isZero();
    }
}
