package app.omnia.platform.streaming;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several server copies: every event goes through one Redis pub/sub channel, and every copy (this one
 * included) delivers what it hears to its own sockets. Pub/sub keeps nothing: a copy that is down misses
 * events, as a client that is offline does; clients catch up through the REST timelines.
 */
final class RedisStreamBus implements StreamBus, MessageListener {

    static final String CHANNEL = "omnia:streaming";
    /** Sorted set: account id → until when it counts as online (each copy refreshes its own accounts). */
    static final String ONLINE = "omnia:streaming:online";
    static final java.time.Duration ONLINE_FOR = java.time.Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(RedisStreamBus.class);

    private final StringRedisTemplate redis;
    private final StreamingHub hub;
    private final JsonMapper json;
    private final ChannelQueues queues = new ChannelQueues();

    RedisStreamBus(StringRedisTemplate redis, StreamingHub hub, JsonMapper json) {
        this.redis = redis;
        this.hub = hub;
        this.json = json;
    }

    @Override
    public void publish(StreamEvent event) {
        Map<String, Object> message = fields(event);
        message.put("kind", "event");
        redis.convertAndSend(CHANNEL, json.writeValueAsString(message));
    }

    /** One Redis message carrying them all; every copy delivers them in this order. */
    @Override
    public void publishAll(List<StreamEvent> events) {
        if (events.size() == 1) {
            publish(events.getFirst());
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", "events");
        message.put("events", events.stream().map(RedisStreamBus::fields).toList());
        redis.convertAndSend(CHANNEL, json.writeValueAsString(message));
    }

    private static Map<String, Object> fields(StreamEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("channel", event.channel());
        fields.put("event", event.event());
        fields.put("payload", event.payload());
        fields.put("involved", event.involvedAccounts());
        if (event.payloadForMinors() != null) {
            fields.put("payload_for_minors", event.payloadForMinors());
        }
        return fields;
    }

    @Override
    public java.util.Set<Long> online() {
        java.util.Set<String> members = redis.opsForZSet().rangeByScore(ONLINE, System.currentTimeMillis(),
                Double.POSITIVE_INFINITY);
        java.util.Set<Long> online = new HashSet<>();
        if (members != null) {
            members.forEach(m -> online.add(Long.parseLong(m)));
        }
        return online;
    }

    /** One ZMSCORE: only the accounts asked about are read, however many are online. */
    @Override
    public Set<Long> onlineAmong(Collection<Long> accounts) {
        List<Long> asked = List.copyOf(accounts);
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<Double> until = redis.opsForZSet().score(ONLINE, asked.stream().map(String::valueOf).toArray());
        long now = System.currentTimeMillis();
        Set<Long> online = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            if (until != null && until.get(i) != null && until.get(i) >= now) {
                online.add(asked.get(i));
            }
        }
        return online;
    }

    /** Marks this copy's connected accounts online for a while longer, and forgets long-expired entries. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT0S")
    void refreshOnline() {
        markOnline(hub.onlineAccounts());
        redis.opsForZSet().removeRangeByScore(ONLINE, 0, System.currentTimeMillis() - ONLINE_FOR.toMillis());
    }

    @Override
    public void connected(long accountId) {
        markOnline(java.util.List.of(accountId));
    }

    void markOnline(java.util.Collection<Long> accounts) {
        double until = System.currentTimeMillis() + ONLINE_FOR.toMillis();
        for (long account : accounts) {
            redis.opsForZSet().add(ONLINE, String.valueOf(account), until);
        }
    }

    @Override
    public void credentialsChanged(long accountId) {
        redis.convertAndSend(CHANNEL, json.writeValueAsString(Map.of("kind", "credentials", "account", accountId)));
    }

    /**
     * Called on the Redis connection's own thread, in the order Redis sent the messages (the listener container
     * runs it directly): the work is handed to the channel's queue, which keeps that order per channel without
     * letting one socket's slowness, or a credentials check's database query, hold up the connection.
     */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            JsonNode node = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            if ("credentials".equals(node.path("kind").asString())) {
                long account = node.path("account").asLong();
                queues.submit("credentials:" + account, () -> hub.recheck(account));
                return;
            }
            if ("events".equals(node.path("kind").asString())) {
                node.path("events").forEach(this::deliver);
                return;
            }
            deliver(node);
        } catch (RuntimeException e) {
            // One malformed message must not stop the listener that serves every socket on this copy.
            log.warn("Ignoring an unreadable streaming message: {}", e.getMessage());
        }
    }

    private void deliver(JsonNode node) {
        Set<Long> involved = new HashSet<>();
        node.path("involved").forEach(id -> involved.add(id.asLong()));
        StreamEvent event = new StreamEvent(node.path("channel").asString(), node.path("event").asString(),
                node.path("payload").asString(), involved,
                node.hasNonNull("payload_for_minors") ? node.get("payload_for_minors").asString() : null);
        queues.submit(event.channel(), () -> hub.deliver(event));
    }
}
