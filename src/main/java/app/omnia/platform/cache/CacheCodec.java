package app.omnia.platform.cache;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cached rows as JSON text for {@link RemoteTier}. The mapper is the cache's own, not the API's: it reads and
 * writes a record's components only (never helper methods such as {@code isReblog()}), so a row decodes to
 * exactly the record that was encoded. An entry written by an older version of a record (a rolling upgrade)
 * that no longer decodes is a miss, not an error.
 */
final class CacheCodec<V> {

    private static final Logger log = LoggerFactory.getLogger(CacheCodec.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, Visibility.ANY))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Class<V> type;

    CacheCodec(Class<V> type) {
        this.type = type;
    }

    Optional<String> encode(V value) {
        try {
            return Optional.of(JSON.writeValueAsString(value));
        } catch (JacksonException e) {
            log.warn("Could not encode a cached {}: {}", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    Optional<V> decode(String text) {
        try {
            return Optional.of(JSON.readValue(text, type));
        } catch (JacksonException e) {
            log.debug("Ignoring an unreadable cached {}: {}", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }
}
