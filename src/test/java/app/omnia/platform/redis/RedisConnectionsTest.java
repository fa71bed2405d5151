package app.omnia.platform.redis;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import app.omnia.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipelines (fan-out's writes, the shared cache tier's fills) each need a connection of their own: they take
 * it from a pool instead of opening a TCP connection per call, which Redis counts in
 * {@code total_connections_received}. Without Redis configured, nothing connects to one.
 */
@IntegrationTest
class RedisConnectionsTest {

    private static final int PIPELINES = 40;

    @Autowired
    ObjectProvider<StringRedisTemplate> redis;
    @Autowired
    ObjectProvider<RedisConnectionFactory> factories;

    @Test
    void pipelinesReusePooledConnections() {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            assertThat(factories.getIfAvailable()).as("the embedded default makes no Redis connection").isNull();
            return;
        }
        long before = connectionsReceived(template);
        for (int i = 0; i < PIPELINES; i++) {
            String key = "omnia:test:pipeline:" + i;
            template.executePipelined((RedisCallback<Object>) c -> {
                c.stringCommands().set(key.getBytes(), "1".getBytes());
                c.keyCommands().del(key.getBytes());
                return null;
            });
        }
        long opened = connectionsReceived(template) - before;
        assertThat(opened).as("connections opened for %d pipelines", PIPELINES).isLessThan(PIPELINES / 4);
    }

    private static long connectionsReceived(StringRedisTemplate template) {
        Properties stats = template.execute((RedisCallback<Properties>) c -> c.serverCommands().info("stats"));
        assertThat(stats).isNotNull();
        return Long.parseLong(stats.getProperty("total_connections_received").trim());
    }
}
