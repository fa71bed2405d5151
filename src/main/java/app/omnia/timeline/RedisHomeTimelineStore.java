package app.omnia.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import app.omnia.platform.web.PageRequest;
import app.omnia.social.HomeEntry;

/**
 * Home timelines shared by every server copy: one Redis sorted set per account. Ids are 64-bit and a sorted
 * set's score is a double (53 bits), so every member has score 0 and the order is the members' own: each
 * member starts with the status id zero-padded to 19 digits ({@code 0000…123:author:original}), which
 * sorts lexicographically exactly as the ids do and pages with ZRANGEBYLEX. A member {@code "0"} (below every
 * line) marks a warm timeline that has no lines yet, since Redis drops empty sets. The set expires after
 * {@link #IDLE} without a read: that is how inactive accounts stop receiving fan-out.
 */
class RedisHomeTimelineStore implements HomeTimelineStore {

    private static final String PREFIX = "omnia:tl:home:";
    private static final String EMPTY = "0";

    // Adds members (ARGV[2..]) only to a timeline that exists, then keeps the newest ARGV[1].
    private static final byte[] ADD_IF_WARM = bytes("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 0, ARGV[i]) end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
            return 1
            """);

    // Refreshes the idle clock and reads a page, after a first element saying whether the timeline is warm
    // (a nil reply would not survive the conversion to a list).
    private static final RedisScript<List> PAGE = RedisScript.of("""
            if redis.call('EXPIRE', KEYS[1], ARGV[1]) == 0 then return {'cold'} end
            local lines
            if ARGV[2] == 'up' then
              lines = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[3], ARGV[4], 'LIMIT', 0, ARGV[5])
            else
              lines = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[4], ARGV[3], 'LIMIT', 0, ARGV[5])
            end
            table.insert(lines, 1, 'warm')
            return lines
            """, List.class);

    // Removes the lines whose author part (after the 19-digit id) is ARGV[1].
    private static final RedisScript<Long> REMOVE_AUTHOR = RedisScript.of("""
            local suffix = ':' .. ARGV[1] .. ':'
            local removed = 0
            for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              if string.sub(m, 20, 19 + #suffix) == suffix then
                redis.call('ZREM', KEYS[1], m); removed = removed + 1
              end
            end
            return removed
            """, Long.class);

    private final StringRedisTemplate redis;
    private final int maxEntries;

    RedisHomeTimelineStore(StringRedisTemplate redis, int maxEntries) {
        this.redis = redis;
        this.maxEntries = maxEntries;
    }

    @Override
    public void start(long accountId) {
        String key = key(accountId);
        redis.executePipelined((RedisCallback<Object>) c -> {
            c.keyCommands().del(bytes(key));
            c.zSetCommands().zAdd(bytes(key), 0, bytes(EMPTY));
            c.keyCommands().expire(bytes(key), IDLE.toSeconds());
            return null;
        });
    }

    /** One conditional add per timeline, pipelined: one round trip for a whole batch of followers. */
    @Override
    public void push(HomeEntry entry, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        byte[] max = bytes(String.valueOf(maxEntries));
        byte[] member = bytes(member(entry));
        redis.executePipelined((RedisCallback<Object>) c -> {
            for (long id : accountIds) {
                addIfWarm(c, key(id), max, List.of(member));
            }
            return null;
        });
    }

    @Override
    public void addAll(long accountId, Collection<HomeEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<byte[]> members = entries.stream().map(e -> bytes(member(e))).toList();
        redis.execute((RedisCallback<Object>) c -> {
            addIfWarm(c, key(accountId), bytes(String.valueOf(maxEntries)), members);
            return null;
        });
    }

    private static void addIfWarm(RedisConnection c, String key, byte[] max, List<byte[]> members) {
        byte[][] keysAndArgs = new byte[members.size() + 2][];
        keysAndArgs[0] = bytes(key);
        keysAndArgs[1] = max;
        for (int i = 0; i < members.size(); i++) {
            keysAndArgs[i + 2] = members.get(i);
        }
        c.scriptingCommands().eval(ADD_IF_WARM, ReturnType.INTEGER, 1, keysAndArgs);
    }

    @Override
    public void remove(HomeEntry entry, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        byte[] member = bytes(member(entry));
        redis.executePipelined((RedisCallback<Object>) c -> {
            for (long id : accountIds) {
                c.zSetCommands().zRem(bytes(key(id)), member);
            }
            return null;
        });
    }

    @Override
    public void removeAuthor(long accountId, long authorId) {
        redis.execute(REMOVE_AUTHOR, List.of(key(accountId)), String.valueOf(authorId));
    }

    @Override
    public Optional<List<HomeEntry>> page(long accountId, PageRequest page, int limit) {
        Long lower = page.minId() != null ? page.minId() : page.sinceId();
        // Lines above the lower id start after "<id>;" (';' follows ':'); "(0" leaves out the empty marker.
        String from = lower == null ? "(" + EMPTY : "(" + pad(lower) + ";";
        String to = page.maxId() == null ? "+" : "(" + pad(page.maxId());
        List<?> members = redis.execute(PAGE, List.of(key(accountId)), String.valueOf(IDLE.toSeconds()),
                page.ascending() ? "up" : "down", from, to, String.valueOf(limit));
        if (members == null || members.isEmpty() || !"warm".equals(String.valueOf(members.getFirst()))) {
            return Optional.empty();
        }
        List<HomeEntry> entries = new ArrayList<>(members.size() - 1);
        for (Object member : members.subList(1, members.size())) {
            entries.add(entry(String.valueOf(member)));
        }
        if (page.ascending()) {
            java.util.Collections.reverse(entries);
        }
        return Optional.of(entries);
    }

    @Override
    public void evict(long accountId) {
        redis.delete(key(accountId));
    }

    static String member(HomeEntry entry) {
        return pad(entry.statusId()) + ":" + entry.authorId() + ":"
                + (entry.reblogOfId() == null ? "" : entry.reblogOfId());
    }

    static HomeEntry entry(String member) {
        String[] parts = member.split(":", -1);
        return new HomeEntry(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                parts[2].isEmpty() ? null : Long.valueOf(parts[2]));
    }

    private static String pad(long id) {
        String digits = Long.toString(id);
        return "0".repeat(19 - digits.length()) + digits;
    }

    private static String key(long accountId) {
        return PREFIX + accountId;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
