package app.omnia.platform.streaming;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The socket's envelope is quoted by hand (once per event and socket): it must read back as what was sent. */
class StreamEnvelopeTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String head = "{\"stream\":" + json.writeValueAsString(List.of("hashtag", "caf\u00e9")) + ",\"event\":";

    @Test
    void anyPayloadReadsBackAsItWas() {
        String payload = "{\"text\":\"a \\\"quote\\\", a back\\\\slash\",\"raw\":\"line\nbreak\ttab\u0001 </script> \u00e9\u2028 \uD83D\uDE00\"}";
        JsonNode envelope = json.readTree(StreamSession.envelope(head, new StreamEvent("c", "chat.\"message\"", payload, Set.of())));
        assertThat(envelope.get("stream").get(1).asString()).isEqualTo("caf\u00e9");
        assertThat(envelope.get("event").asString()).isEqualTo("chat.\"message\"");
        assertThat(envelope.get("payload").asString()).isEqualTo(payload);
        assertThat(envelope.size()).isEqualTo(3);
    }

    @Test
    void noPayloadIsNull() {
        JsonNode envelope = json.readTree(StreamSession.envelope(head, new StreamEvent("c", "delete", null, Set.of())));
        assertThat(envelope.get("payload").isNull()).isTrue();
    }
}
