package app.omnia.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStreamCommands;
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
 * {@link #IDLE} without a read: that is how inactive accounts stop receiving fan-out. A big account's lines are
 * kept the same way in a set of its own, where the marker instead says that every line of the account is there
 * (it is the lowest member, so the cap trims it first).
 */
class RedisHomeTimelineStore implements HomeTimelineStore {

    private static final String PREFIX = "omnia:tl:home:";
    /** A big account's kept lines; the empty marker {@code "0"} says they are all of its lines. */
    private static final String AUTHOR_PREFIX = "omnia:tl:author:";
    private static final String EMPTY = "0";
    /** Every account whose timeline was started (some since expired: fan-out's script skips those). */
    private static final byte[] WARM = bytes("omnia:tl:warm");
    /** The change log fan-out reads before each batch: {@code w} a timeline started, {@code f} followers changed. */
    private static final String CHANGES = "omnia:tl:changes";
    /** Changes kept; a copy that falls further behind reads the whole warm set instead. */
    static final long CHANGES_KEPT = 100_000;

    // Adds members (ARGV[2..]) only to a timeline that exists, then keeps the newest ARGV[1].
    private static final byte[] ADD_IF_WARM = bytes("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 0, ARGV[i]) end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
            return 1
            """);
    // Called by its digest (the text is sent once, not once per timeline); loaded again if Redis forgot it.
    private static final String ADD_IF_WARM_SHA = RedisScript.of(new String(ADD_IF_WARM, StandardCharsets.UTF_8))
            .getSha1();

    // Refreshes the idle clock and reads a page (KEYS[1]) after a first element saying whether the timeline is
    // warm (a nil reply would not survive the conversion to a list), then the same page of each author's kept
    // lines (KEYS[2..]): 'absent', or whether the empty marker is there (all its lines are kept), its oldest line
    // and the page's lines, each list preceded by its length.
    private static final RedisScript<List> READ = RedisScript.of("""
            if redis.call('EXPIRE', KEYS[1], ARGV[1]) == 0 then return {'cold'} end
            local function range(key)
              if ARGV[2] == 'up' then
                return redis.call('ZRANGEBYLEX', key, ARGV[3], ARGV[4], 'LIMIT', 0, ARGV[5])
              end
              return redis.call('ZREVRANGEBYLEX', key, ARGV[4], ARGV[3], 'LIMIT', 0, ARGV[5])
            end
            local out = {'warm'}
            local function append(lines)
              table.insert(out, tostring(#lines))
              for _, m in ipairs(lines) do table.insert(out, m) end
            end
            append(range(KEYS[1]))
            for i = 2, #KEYS do
              local oldest = redis.call('ZRANGE', KEYS[i], 0, 1)
              if #oldest == 0 then
                table.insert(out, 'absent')
              elseif oldest[1] == '0' then
                table.insert(out, 'complete'); table.insert(out, oldest[2] or '')
                append(range(KEYS[i]))
              else
                table.insert(out, 'partial'); table.insert(out, oldest[1])
                append(range(KEYS[i]))
              end
            end
            return out
            """, List.class);

    // Starts an author's kept lines if absent (with the empty marker when ARGV[2] says the lines are all there),
    // adds the lines ARGV[3..] and keeps the newest ARGV[1]: the marker is the lowest member, so it falls first.
    private static final RedisScript<Long> KEEP_AUTHOR = RedisScript.of("""
            if ARGV[2] == 'complete' and redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('ZADD', KEYS[1], 0, '0')
            end
            for i = 3, #ARGV do redis.call('ZADD', KEYS[1], 0, ARGV[i]) end
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 1))
            return 1
            """, Long.class);

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
        byte[] id = bytes(String.valueOf(accountId));
        // In this order: a copy that reads the log after this returns knows the timeline is warm.
        redis.executePipelined((RedisCallback<Object>) c -> {
            c.keyCommands().del(bytes(key));
            c.zSetCommands().zAdd(bytes(key), 0, bytes(EMPTY));
            c.keyCommands().expire(bytes(key), IDLE.toSeconds());
            c.setCommands().sAdd(WARM, id);
            logChange(c, "w", id);
            return null;
        });
    }

    @Override
    public void followersChanged(long authorId) {
        redis.execute((RedisCallback<Object>) c -> {
            logChange(c, "f", bytes(String.valueOf(authorId)));
            return null;
        });
    }

    private static org.springframework.data.redis.connection.stream.RecordId logChange(RedisConnection c, String kind,
                                                                                         byte[] id) {
        return c.streamCommands().xAdd(org.springframework.data.redis.connection.stream.StreamRecords.newRecord()
                        .in(bytes(CHANGES)).ofMap(java.util.Map.of(bytes(kind), id)),
                RedisStreamCommands.XAddOptions.maxlen(CHANGES_KEPT).approximateTrimming(true));
    }

    /**
     * The log's entries after the cursor, then a check that the cursor's own entry is still there: the log is
     * trimmed from its oldest end, so if it is, nothing after it was trimmed before being read.
     */
    @Override
    public AudienceChanges changesSince(String cursor) {
        var stream = redis.opsForStream();
        if (cursor != null) {
            java.util.Set<Long> warmed = new java.util.LinkedHashSet<>();
            List<Long> followersChanged = new ArrayList<>();
            String last = cursor;
            while (true) {
                var records = stream.range(CHANGES, Range.rightUnbounded(Range.Bound.exclusive(last)),
                        Limit.limit().count(10_000));
                if (records == null || records.isEmpty()) {
                    break;
                }
                for (var record : records) {
                    record.getValue().forEach((kind, id) -> ("w".equals(kind) ? warmed : followersChanged)
                            .add(Long.parseLong(String.valueOf(id))));
                    last = record.getId().getValue();
                }
            }
            var still = stream.range(CHANGES, Range.closed(cursor, cursor));
            if (still != null && !still.isEmpty()) {
                return new AudienceChanges(last, false, warmed, followersChanged);
            }
        }
        // From scratch: the log's end first, then the warm set (started before that end, or logged after it).
        var newest = stream.reverseRange(CHANGES, Range.unbounded(), Limit.limit().count(1));
        String end = newest == null || newest.isEmpty()
                ? redis.execute((RedisCallback<String>) c -> logChange(c, "f", bytes("0")).getValue())
                : newest.getFirst().getId().getValue();
        java.util.Set<Long> warm = new java.util.HashSet<>();
        java.util.Set<String> members = redis.opsForSet().members(new String(WARM, StandardCharsets.UTF_8));
        if (members != null) {
            members.forEach(m -> warm.add(Long.parseLong(m)));
        }
        return new AudienceChanges(end, true, warm, List.of());
    }

    /** One conditional add per timeline, pipelined: one round trip for a whole batch of followers. */
    @Override
    public void push(HomeEntry entry, Collection<Long> accountIds) {
        java.util.Map<Long, List<HomeEntry>> lines = new java.util.HashMap<>();
        accountIds.forEach(id -> lines.put(id, List.of(entry)));
        pushAll(lines);
    }

    /** One conditional add per timeline with all its new lines, pipelined: one round trip for the batch. */
    @Override
    public void pushAll(java.util.Map<Long, List<HomeEntry>> linesByAccount) {
        java.util.Map<String, List<HomeEntry>> byKey = new java.util.HashMap<>();
        linesByAccount.forEach((account, entries) -> byKey.put(key(account), entries));
        addWherePresent(byKey);
    }

    @Override
    public void pushToAuthors(Collection<HomeEntry> entries) {
        java.util.Map<String, List<HomeEntry>> byKey = new java.util.HashMap<>();
        entries.forEach(e -> byKey.computeIfAbsent(authorKey(e.authorId()), k -> new ArrayList<>()).add(e));
        addWherePresent(byKey);
    }

    /** Adds lines to the sorted sets that exist, keeping the newest {@code max-entries} of each, in one round trip. */
    private void addWherePresent(java.util.Map<String, List<HomeEntry>> linesByKey) {
        if (linesByKey.isEmpty()) {
            return;
        }
        byte[] max = bytes(String.valueOf(maxEntries));
        RedisCallback<Object> writes = c -> {
            linesByKey.forEach((key, entries) -> {
                byte[][] keysAndArgs = new byte[entries.size() + 2][];
                keysAndArgs[0] = bytes(key);
                keysAndArgs[1] = max;
                for (int i = 0; i < entries.size(); i++) {
                    keysAndArgs[i + 2] = bytes(member(entries.get(i)));
                }
                c.scriptingCommands().evalSha(ADD_IF_WARM_SHA, ReturnType.INTEGER, 1, keysAndArgs);
            });
            return null;
        };
        try {
            if (linesByKey.size() == 1) {
                // One timeline (one's own post, a follow's backfill): one command on the shared connection, no
                // pipeline to borrow a connection for.
                redis.execute(writes);
            } else {
                redis.executePipelined(writes);
            }
        } catch (RuntimeException noScript) {
            // Redis restarted or flushed its scripts: load it and write again (adding a line twice is harmless).
            redis.execute((RedisCallback<String>) c -> c.scriptingCommands().scriptLoad(ADD_IF_WARM));
            redis.executePipelined(writes);
        }
    }

    @Override
    public void addAll(long accountId, Collection<HomeEntry> entries) {
        if (!entries.isEmpty()) {
            pushAll(java.util.Map.of(accountId, List.copyOf(entries)));
        }
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
    public void keepAuthor(long authorId, Collection<HomeEntry> newest) {
        List<String> args = new ArrayList<>(newest.size() + 2);
        args.add(String.valueOf(maxEntries));
        args.add(newest.size() < maxEntries ? "complete" : "partial");
        newest.forEach(e -> args.add(member(e)));
        redis.execute(KEEP_AUTHOR, List.of(authorKey(authorId)), args.toArray());
    }

    @Override
    public void removeFromAuthor(HomeEntry entry) {
        redis.opsForZSet().remove(authorKey(entry.authorId()), member(entry));
    }

    @Override
    public void dropAuthor(long authorId) {
        redis.delete(authorKey(authorId));
    }

    @Override
    public void removeAuthor(long accountId, long authorId) {
        redis.execute(REMOVE_AUTHOR, List.of(key(accountId)), String.valueOf(authorId));
    }

    @Override
    public Optional<HomeRead> read(long accountId, PageRequest page, int limit, Collection<Long> authors) {
        Long lower = page.minId() != null ? page.minId() : page.sinceId();
        // Lines above the lower id start after "<id>;" (';' follows ':'); "(0" leaves out the empty marker.
        String from = lower == null ? "(" + EMPTY : "(" + pad(lower) + ";";
        String to = page.maxId() == null ? "+" : "(" + pad(page.maxId());
        List<String> keys = new ArrayList<>(authors.size() + 1);
        keys.add(key(accountId));
        List<Long> authorIds = List.copyOf(authors);
        authorIds.forEach(a -> keys.add(authorKey(a)));
        List<?> reply = redis.execute(READ, keys, String.valueOf(IDLE.toSeconds()),
                page.ascending() ? "up" : "down", from, to, String.valueOf(limit));
        if (reply == null || reply.isEmpty() || !"warm".equals(String.valueOf(reply.getFirst()))) {
            return Optional.empty();
        }
        Reply parts = new Reply(reply, page.ascending());
        List<HomeEntry> lines = parts.lines();
        java.util.Map<Long, List<HomeEntry>> byAuthor = new java.util.HashMap<>();
        for (long author : authorIds) {
            String state = parts.next();
            if ("absent".equals(state)) {
                continue;
            }
            String oldest = parts.next();
            List<HomeEntry> kept = parts.lines();
            if (HomePages.keptLinesAnswer(page, limit, "complete".equals(state),
                    oldest.isEmpty() ? null : entry(oldest).statusId(), kept.size())) {
                byAuthor.put(author, kept);
            }
        }
        return Optional.of(new HomeRead(lines, byAuthor));
    }

    /** Reads the READ script's flat reply in order (after its first element). */
    private static final class Reply {
        private final List<?> items;
        private final boolean ascending;
        private int next = 1;

        Reply(List<?> items, boolean ascending) {
            this.items = items;
            this.ascending = ascending;
        }

        String next() {
            return String.valueOf(items.get(next++));
        }

        /** A list of lines preceded by its length, newest first. */
        List<HomeEntry> lines() {
            int count = Integer.parseInt(next());
            List<HomeEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                entries.add(entry(next()));
            }
            if (ascending) {
                java.util.Collections.reverse(entries);
            }
            return entries;
        }
    }

    @Override
    public void evict(long accountId) {
        redis.delete(key(accountId));
    }

    static String member(HomeEntry entry) {
        return pad(entry.statusId()) + ":" + entry.authorId() + ":"
                + (entry.reblogOfId() == null ? "" : entry.reblogOfId());
    }

    /** Parsed in place (a home read parses every line of its window: no split, no substrings). */
    static HomeEntry entry(String member) {
        int first = member.indexOf(':');
        int second = member.indexOf(':', first + 1);
        long original = second + 1 == member.length() ? 0 : Long.parseLong(member, second + 1, member.length(), 10);
        return new HomeEntry(Long.parseLong(member, 0, first, 10), Long.parseLong(member, first + 1, second, 10),
                original == 0 ? null : original);
    }

    private static String pad(long id) {
        String digits = Long.toString(id);
        return "0".repeat(19 - digits.length()) + digits;
    }

    private static String key(long accountId) {
        return PREFIX + accountId;
    }

    private static String authorKey(long authorId) {
        return AUTHOR_PREFIX + authorId;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
