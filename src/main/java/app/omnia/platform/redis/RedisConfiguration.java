package app.omnia.platform.redis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettucePoolingClientConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lettuce.core.api.StatefulConnection;

import app.omnia.platform.OmniaProperties;

/**
 * Redis is optional, so Spring Boot's Redis auto-configuration is switched off (it would always connect to
 * localhost and report DOWN without one) and the connection is made here only when a URL is configured.
 * Boot's Redis health indicator then appears by itself, because a connection factory exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
class RedisConfiguration {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(OmniaProperties properties) {
        java.net.URI uri = java.net.URI.create(properties.redis().url().trim());
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort());
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.setDatabase(Integer.parseInt(path.substring(1)));
        }
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            if (parts.length == 2) {
                if (!parts[0].isEmpty()) {
                    config.setUsername(parts[0]);
                }
                config.setPassword(parts[1]);
            } else {
                config.setPassword(parts[0]);
            }
        }
        // Commands share one multiplexed connection; a pipeline needs one of its own, taken from this pool (without
        // one, Spring Data Redis opens and closes a TCP connection for every pipelined call).
        GenericObjectPoolConfig<StatefulConnection<?, ?>> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(properties.redis().poolSize());
        pool.setMaxIdle(properties.redis().poolSize());
        pool.setMinIdle(0);
        LettucePoolingClientConfiguration.LettucePoolingClientConfigurationBuilder client =
                LettucePoolingClientConfiguration.builder().poolConfig(pool);
        if ("rediss".equalsIgnoreCase(uri.getScheme())) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(config, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(RedisConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }
}
