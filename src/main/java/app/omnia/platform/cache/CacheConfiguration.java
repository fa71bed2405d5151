package app.omnia.platform.cache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import app.omnia.platform.redis.ConditionalOnRedis;

/** With Redis, every copy listens for the others' cache invalidations. */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    @ConditionalOnRedis
    RedisMessageListenerContainer cacheInvalidationListener(RedisConnectionFactory factory, SharedCaches caches) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.addMessageListener(caches, new ChannelTopic(SharedCaches.CHANNEL));
        return container;
    }
}
