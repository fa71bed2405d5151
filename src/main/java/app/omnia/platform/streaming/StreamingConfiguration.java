package app.omnia.platform.streaming;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.redis.ConditionalOnRedis;
import app.omnia.platform.security.CredentialResolver;
import tools.jackson.databind.json.JsonMapper;

/** The one socket, {@code /api/v1/streaming}, and the bus that feeds it: Redis when configured, else in-process. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamingConfiguration implements WebSocketConfigurer {

    private final StreamingHub hub;
    private final CredentialResolver credentials;
    private final OmniaProperties properties;
    private final JsonMapper json;
    private final ObjectProvider<StreamResolver> resolvers;
    // The bus is one of this configuration's own beans: looked up when the first socket opens.
    private final ObjectProvider<StreamBus> buses;

    StreamingConfiguration(StreamingHub hub, CredentialResolver credentials, OmniaProperties properties,
                           JsonMapper json, ObjectProvider<StreamResolver> resolvers, ObjectProvider<StreamBus> buses) {
        this.buses = buses;
        this.hub = hub;
        this.credentials = credentials;
        this.properties = properties;
        this.json = json;
        this.resolvers = resolvers;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new StreamingSocketHandler(hub, json, resolvers.orderedStream().toList(), buses::getObject),
                        "/api/v1/streaming", "/api/v1/streaming/")
                .setHandshakeHandler(new TokenProtocolHandshakeHandler())
                .addInterceptors(new StreamingHandshake(credentials, properties, hub))
                // Origins are checked by StreamingHandshake, which knows the instance's own and the configured ones.
                .setAllowedOriginPatterns("*");
    }

    @Bean
    @ConditionalOnRedis
    RedisStreamBus redisStreamBus(StringRedisTemplate redis) {
        return new RedisStreamBus(redis, hub, json);
    }

    @Bean
    @ConditionalOnRedis
    RedisMessageListenerContainer streamingListener(RedisConnectionFactory factory, RedisStreamBus bus) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        // By default the container hands every message to a new thread: events then reach sockets in any order
        // (a chat client sees seq 8 before 7), and each one costs a thread. The bus keeps Redis's order per
        // channel itself and moves the work off the connection's thread (RedisStreamBus.onMessage).
        container.setTaskExecutor(Runnable::run);
        container.setSubscriptionExecutor(new SimpleAsyncTaskExecutor("streaming-subscription-"));
        container.addMessageListener(bus, new ChannelTopic(RedisStreamBus.CHANNEL));
        return container;
    }

    @Bean
    @ConditionalOnMissingBean(StreamBus.class)
    StreamBus localStreamBus() {
        return new LocalStreamBus(hub);
    }

    /**
     * Mastodon apps (masto.js among them) send the access token as the WebSocket subprotocol; a browser
     * drops the connection unless the server echoes the protocol it offered, so the first one is accepted.
     */
    static final class TokenProtocolHandshakeHandler extends DefaultHandshakeHandler {

        @Override
        protected String selectProtocol(List<String> requested, WebSocketHandler handler) {
            return requested.isEmpty() ? null : requested.getFirst();
        }

        @Override
        protected java.security.Principal determineUser(ServerHttpRequest request, WebSocketHandler handler,
                                                        Map<String, Object> attributes) {
            return null;
        }
    }
}
