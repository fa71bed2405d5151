package app.omnia.platform.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.types.Expiration;

/**
 * The second tier of a {@link SharedCache}: entries in Redis, shared by every server copy, so that a copy
 * whose memory is cold (just started, or holding other rows) renders from Redis instead of the database.
 * <p>
 * An invalidation runs after its transaction committed and overwrites the entry with a tombstone stamped with
 * the time ({@code ~millis}, kept {@link #TOMBSTONE_LIFE}). A load writes a row only where there is no entry,
 * or a tombstone older than the moment the load began less the copies' clock skew
 * ({@code omnia.cache.clock-skew}): a load that began before a write committed may have read the old row, so
 * it never replaces that write's tombstone, whichever copies made either; one that began after it read the
 * new row. The check and the write are one script, for all of a page's rows in one round trip. Redis being
 * unreachable costs speed only: every failure reads as a miss.
 */
final class RemoteTier<V> {

    static final Duration TOMBSTONE_LIFE = Duration.ofMinutes(1);
    private static final String TOMBSTONE = "~";
    /** KEYS: the rows' keys; ARGV: their values, then the load's start (ms) and the entries' life (ms). */
    private static final RedisScript<Long> PUT_UNLESS_NEWER_TOMBSTONE = RedisScript.of("""
            local n = #KEYS
            local began = tonumber(ARGV[n + 1])
            local written = 0
            for i = 1, n do
              local current = redis.call('GET', KEYS[i])
              local stamp = current and string.sub(current, 1, 1) == '~' and tonumber(string.sub(current, 2))
              if not current or (stamp and stamp < began) then
                redis.call('SET', KEYS[i], ARGV[i], 'PX', ARGV[n + 2])
                written = written + 1
              end
            end
            return written
            """, Long.class);
    private static final Logger log = LoggerFactory.getLogger(RemoteTier.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final CacheCodec<V> codec;
    private final Duration entryLife;
    private final Duration clockSkew;

    RemoteTier(StringRedisTemplate redis, String cacheName, CacheCodec<V> codec, Duration ttl, Duration clockSkew) {
        this.clockSkew = clockSkew;
        this.redis = redis;
        this.prefix = "omnia:cache:" + cacheName + ":";
        this.codec = codec;
        this.entryLife = ttl;
    }

    /** The entries Redis holds for these ids, in one round trip; tombstones and unreadable entries are misses. */
    Map<Long, V> getAll(Set<Long> ids) {
        List<Long> order = new ArrayList<>(ids);
        Map<Long, V> found = new HashMap<>();
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(order.stream().map(this::key).toList());
        } catch (RuntimeException e) {
            log.debug("Cache tier unreachable, reading {} from the database: {}", prefix, e.getMessage());
            return found;
        }
        if (values == null) {
            return found;
        }
        for (int i = 0; i < order.size(); i++) {
            String value = values.get(i);
            Long id = order.get(i);
            if (value != null && !value.startsWith(TOMBSTONE)) {
                codec.decode(value).ifPresent(decoded -> found.put(id, decoded));
            }
        }
        return found;
    }

    /**
     * Stores rows a load read from the database, except over an entry or over a tombstone written after the
     * load began ({@code beganMillis}, this copy's clock).
     */
    void putLoaded(Map<Long, V> loaded, long beganMillis) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        loaded.forEach((id, value) -> codec.encode(value).ifPresent(text -> {
            keys.add(key(id));
            args.add(text);
        }));
        if (keys.isEmpty()) {
            return;
        }
        args.add(Long.toString(beganMillis - clockSkew.toMillis()));
        args.add(Long.toString(entryLife.toMillis()));
        try {
            redis.execute(PUT_UNLESS_NEWER_TOMBSTONE, keys, args.toArray());
        } catch (RuntimeException e) {
            log.warn("Could not write to the cache tier {}: {}", prefix, e.getMessage());
        }
    }

    /** Replaces these ids' entries by tombstones stamped now, so that no load begun before writes them back. */
    void tombstone(Collection<Long> ids) {
        String tombstone = TOMBSTONE + System.currentTimeMillis();
        Expiration life = Expiration.from(TOMBSTONE_LIFE);
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                byte[] value = tombstone.getBytes(StandardCharsets.UTF_8);
                ids.forEach(id -> connection.stringCommands().set(key(id).getBytes(StandardCharsets.UTF_8), value,
                        life, SetOption.upsert()));
                return null;
            });
        } catch (RuntimeException e) {
            // Bounded by the entry's TTL, like a lost broadcast.
            log.warn("Could not write tombstones to the cache tier {}: {}", prefix, e.getMessage());
        }
    }

    /** Deletes every entry of this cache (tests that change rows behind the application's back). */
    void clear() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
            List<String> batch = new ArrayList<>();
            while (keys.hasNext()) {
                batch.add(keys.next());
            }
            if (!batch.isEmpty()) {
                redis.delete(batch);
            }
        }
    }

    private String key(Long id) {
        return prefix + id;
    }
}
