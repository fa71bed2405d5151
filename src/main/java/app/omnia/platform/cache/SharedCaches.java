package app.omnia.platform.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Makes the {@link SharedCache}s and keeps them correct across server copies. Each copy caches in its own
 * memory first (a hit costs no round trip at all); caches made with {@link #createShared} also keep their rows
 * in Redis for the other copies ({@link RemoteTier}). When Redis is configured an invalidation is also
 * published on one pub/sub channel, and every copy evicts what it hears. A message lost while a copy is cut off from Redis is covered by the TTL.
 * Hits and misses are published as {@code cache.gets{cache=...}} metrics.
 */
@Component
public class SharedCaches implements MessageListener {

    static final String CHANNEL = "omnia:cache:invalidate";
    /** Names this copy in its broadcasts ({@code origin name id,id,...}), so that it ignores its own. */
    private final String origin = java.util.UUID.randomUUID().toString();
    private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

    private final Map<String, SharedCache<?>> byName = new ConcurrentHashMap<>();
    private final ObjectProvider<StringRedisTemplate> redis;
    private final MeterRegistry meters;
    private final Duration ttl;
    private final Duration clockSkew;

    SharedCaches(ObjectProvider<StringRedisTemplate> redis, MeterRegistry meters, CacheSettings settings) {
        this.redis = redis;
        this.meters = meters;
        this.ttl = settings.ttl();
        this.clockSkew = settings.clockSkew();
    }

    /** A new cache in this copy's memory, by a name unique in the application (it names the broadcast and the metrics). */
    public <V> SharedCache<V> create(String name, long maxSize) {
        return create(name, maxSize, ttl);
    }

    /** A new cache whose entries live at most {@code entryTtl} (shorter than the default for sensitive rows). */
    public <V> SharedCache<V> create(String name, long maxSize, Duration entryTtl) {
        return register(new SharedCache<>(name, maxSize, entryTtl, ids -> publish(name, ids), null));
    }

    /**
     * A new cache whose rows, of this record type, are also shared through Redis when it is configured (a
     * second tier for copies whose memory is cold). The type must hold no secret: Redis is not a vault.
     */
    public <V> SharedCache<V> createShared(String name, long maxSize, Class<V> type) {
        StringRedisTemplate template = redis.getIfAvailable();
        RemoteTier<V> remote = template == null || maxSize == 0 ? null
                : new RemoteTier<>(template, name, new CacheCodec<>(type), ttl, clockSkew);
        return register(new SharedCache<>(name, maxSize, ttl, ids -> publish(name, ids), remote));
    }

    private <V> SharedCache<V> register(SharedCache<V> cache) {
        String name = cache.name();
        if (byName.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("Two caches named " + name);
        }
        CaffeineCacheMetrics.monitor(meters, cache.entries(), name);
        return cache;
    }

    private void publish(String name, Collection<Long> ids) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            return;
        }
        try {
            template.convertAndSend(CHANNEL, origin + " " + name + " " + ids.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        } catch (RuntimeException e) {
            // The write has committed: failing the request would not undo it. Other copies catch up by the TTL.
            log.warn("Could not broadcast a cache invalidation of {}: {}", name, e.getMessage());
        }
    }

    String origin() {
        return origin;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 3);
        // This copy evicted its own at once: hearing it again would only throw away rows loaded since.
        if (parts.length < 3 || parts[0].equals(origin)) {
            return;
        }
        SharedCache<?> cache = byName.get(parts[1]);
        if (cache == null) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (String id : parts[2].split(",")) {
                ids.add(Long.parseLong(id));
            }
        } catch (NumberFormatException e) {
            log.warn("Ignoring an unreadable cache invalidation");
            return;
        }
        cache.evictHere(ids);
    }
}
