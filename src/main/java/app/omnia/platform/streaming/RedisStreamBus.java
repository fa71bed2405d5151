package app.omnia.platform.streaming;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.scheduling.annotation.Scheduled;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several server copies: every event goes through one Redis pub/sub channel, and every copy (this one
 * included) delivers what it hears to its own sockets. Pub/sub keeps nothing: a copy that is down misses
 * events, as a client that is offline does; clients catch up through the REST timelines.
 */
final class RedisStreamBus implements StreamBus, MessageListener {

    static final String CHANNEL = "omnia:streaming";
    private static final byte[] CHANNEL_BYTES = CHANNEL.getBytes(StandardCharsets.UTF_8);
    /** Sorted set: account id → until when it counts as online (each copy refreshes its own accounts). */
    static final String ONLINE = "omnia:streaming:online";
    static final Duration ONLINE_FOR = Duration.ofSeconds(90);
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
        publishAll(List.of(event));
    }

    /** One Redis message carrying them all; every copy delivers them in this order. */
    @Override
    public void publishAll(List<StreamEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        byte[] message = render(events);
        redis.execute((RedisCallback<Long>) connection -> connection.publish(CHANNEL_BYTES, message));
    }

    /**
     * {@code {"kind":"events","events":[{"channel":..,"event":..,"payload":..,"involved":[..]},..]}}, written
     * field by field in UTF-8: a chat message sends one entry per recipient, and a map per entry cost more than
     * the text.
     */
    private byte[] render(List<StreamEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(640 * events.size());
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("kind", "events");
            out.writeArrayPropertyStart("events");
            for (StreamEvent event : events) {
                out.writeStartObject();
                out.writeStringProperty("channel", event.channel());
                out.writeStringProperty("event", event.event());
                out.writeStringProperty("payload", event.payload());
                out.writeArrayPropertyStart("involved");
                for (long account : event.involvedAccounts()) {
                    out.writeNumber(account);
                }
                out.writeEndArray();
                if (event.payloadForMinors() != null) {
                    out.writeStringProperty("payload_for_minors", event.payloadForMinors());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    @Override
    public Set<Long> online() {
        Set<String> members = redis.opsForZSet().rangeByScore(ONLINE, System.currentTimeMillis(),
                Double.POSITIVE_INFINITY);
        Set<Long> online = new HashSet<>();
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
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT0S")
    void refreshOnline() {
        markOnline(hub.onlineAccounts());
        redis.opsForZSet().removeRangeByScore(ONLINE, 0, System.currentTimeMillis() - ONLINE_FOR.toMillis());
    }

    @Override
    public void connected(long accountId) {
        markOnline(List.of(accountId));
    }

    /** One command for them all: a copy with 10,000 sockets made 10,000 round trips every half minute. */
    void markOnline(Collection<Long> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        double until = System.currentTimeMillis() + ONLINE_FOR.toMillis();
        redis.opsForZSet().add(ONLINE, accounts.stream()
                .map(account -> ZSetOperations.TypedTuple.of(String.valueOf(account), until)).collect(Collectors.toSet()));
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
        try (JsonParser in = json.createParser(message.getBody())) {
            // Read as a stream, not as a tree: a chat message's batch holds one entry per recipient.
            String kind = null;
            long account = 0;
            List<StreamEvent> events = new ArrayList<>();
            expect(in.nextToken(), JsonToken.START_OBJECT);
            for (String name = in.nextName(); name != null; name = in.nextName()) {
                JsonToken value = in.nextToken();
                switch (name) {
                    case "kind" -> kind = in.getValueAsString();
                    case "account" -> account = in.getValueAsLong();
                    case "events" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (in.nextToken() == JsonToken.START_OBJECT) {
                            Fields fields = new Fields();
                            boolean unheard = false; // asked once, as soon as the channel is read
                            for (String field = in.nextName(); field != null; field = in.nextName()) {
                                in.nextToken();
                                if (unheard) {
                                    // Nobody on this copy reads it (with several copies, most entries): its
                                    // payload is passed over undecoded.
                                    in.skipChildren();
                                    continue;
                                }
                                fields.read(field, in);
                                unheard = fields.channel != null && !hub.listens(fields.channel);
                            }
                            if (!unheard) {
                                events.add(fields.event()); // throws when the entry had no channel
                            }
                        }
                    }
                    default -> in.skipChildren();
                }
            }
            if ("credentials".equals(kind)) {
                long changed = account;
                queues.submit("credentials:" + changed, () -> hub.recheck(changed));
                return;
            }
            events.forEach(event -> queues.submit(event.channel(), () -> hub.deliver(event)));
        } catch (RuntimeException e) {
            // One malformed message must not stop the listener that serves every socket on this copy.
            log.warn("Ignoring an unreadable streaming message: {}", e.getMessage());
        }
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + token);
        }
    }

    /** One event's fields as they are read, in any order. */
    private static final class Fields {

        private String channel;
        private String event;
        private String payload;
        private String payloadForMinors;
        private final Set<Long> involved = new HashSet<>();

        void read(String name, JsonParser in) {
            switch (name) {
                case "channel" -> channel = in.getValueAsString();
                case "event" -> event = in.getValueAsString();
                case "payload" -> payload = in.getValueAsString();
                case "payload_for_minors" -> payloadForMinors = in.getValueAsString();
                case "involved" -> {
                    expect(in.currentToken(), JsonToken.START_ARRAY);
                    while (in.nextToken() != JsonToken.END_ARRAY) {
                        involved.add(in.getValueAsLong());
                    }
                }
                default -> in.skipChildren();
            }
        }

        StreamEvent event() {
            if (channel == null || event == null) {
                throw new IllegalArgumentException("an event without its channel or name");
            }
            return new StreamEvent(channel, event, payload, involved, payloadForMinors);
        }
    }
}
