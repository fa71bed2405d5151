package app.omnia.platform.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Counters shared by every server copy: one Redis key per window, incremented and timed atomically. */
class RedisRateCounter implements RateCounter {

    // INCR, then start the window's clock only on its first hit; returns the count and the ms left.
    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    // DECR only an open window above zero: a missing key must not come back without its expiry.
    private static final RedisScript<Long> DECREMENT = RedisScript.of("""
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count > 0 then return redis.call('DECR', KEYS[1]) end
            return 0
            """, Long.class);

    private static final String PREFIX = "omnia:rl:";

    private final StringRedisTemplate redis;

    RedisRateCounter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Window increment(String key, Duration period) {
        List<?> result = redis.execute(INCREMENT, List.of(PREFIX + key), String.valueOf(period.toMillis()));
        long count = ((Number) result.get(0)).longValue();
        long ttl = ((Number) result.get(1)).longValue();
        return new Window(count, Duration.ofMillis(ttl));
    }

    @Override
    public Window peek(String key) {
        String value = redis.opsForValue().get(PREFIX + key);
        if (value == null) {
            return new Window(0, Duration.ZERO);
        }
        Long ttl = redis.getExpire(PREFIX + key, java.util.concurrent.TimeUnit.MILLISECONDS);
        return new Window(Long.parseLong(value), Duration.ofMillis(ttl == null || ttl < 0 ? 0 : ttl));
    }

    @Override
    public void reset(String key) {
        redis.delete(PREFIX + key);
    }

    @Override
    public void decrement(String key) {
        redis.execute(DECREMENT, List.of(PREFIX + key));
    }
}
