package app.omnia.platform.ratelimit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import app.omnia.platform.redis.ConditionalOnRedis;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnRedis
    RateCounter redisRateCounter(StringRedisTemplate redis) {
        return new RedisRateCounter(redis);
    }

    @Bean
    @ConditionalOnMissingBean(RateCounter.class)
    RateCounter inMemoryRateCounter(Clock clock) {
        return RateCounter.inMemory(clock);
    }
}
