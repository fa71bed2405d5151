package app.omnia.messaging;

import app.omnia.messaging.persistence.Inbox;
import app.omnia.platform.web.JsonTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * One inbox entry as JSON, identical in {@code GET /chat/sync} and on the socket:
 * {@code {"seq":7,"type":"chat.message","conversation_id":"..","created_at":"..","muted":false,"push":true,
 * "payload":{..}}}. {@code muted}: the recipient muted the conversation; {@code push}: a message from someone
 * else to a member who has not muted it (worth a notification). The stored payload is already JSON, so it
 * is spliced in rather than parsed again for every recipient.
 */
final class SyncEntries {

    private SyncEntries() {
    }

    static String json(Inbox.Entry entry, JsonMapper json) {
        return json(entry, header(entry, json));
    }

    /**
     * The part every recipient of one event shares (type, conversation, time), rendered once for all of them
     * rather than once per recipient.
     */
    static String header(Inbox.Entry entry, JsonMapper json) {
        return ",\"type\":" + json.writeValueAsString(entry.type())
                + ",\"conversation_id\":\"" + entry.conversationId() + "\""
                + ",\"created_at\":" + json.writeValueAsString(JsonTime.of(entry.createdAt()));
    }

    /** The entry with a {@link #header} rendered for its event. */
    static String json(Inbox.Entry entry, String header) {
        return "{\"seq\":" + entry.seq() + header
                + ",\"muted\":" + entry.muted()
                + ",\"push\":" + entry.push()
                + ",\"payload\":" + entry.payload() + "}";
    }
}
