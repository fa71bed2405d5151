package app.omnia.timeline;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.redis.ConditionalOnRedis;

/** Redis when it is configured (shared by every copy), this process's memory otherwise. */
@Configuration(proxyBeanMethods = false)
class TimelineStoreConfiguration {

    @Bean
    @ConditionalOnRedis
    HomeTimelineStore redisHomeTimelineStore(StringRedisTemplate redis, OmniaProperties properties) {
        return new RedisHomeTimelineStore(redis, properties.timelineSettings().maxEntries());
    }

    @Bean
    @ConditionalOnMissingBean(HomeTimelineStore.class)
    HomeTimelineStore inMemoryHomeTimelineStore(OmniaProperties properties, Clock clock) {
        return new InMemoryHomeTimelineStore(properties.timelineSettings().maxEntries(), clock);
    }
}
