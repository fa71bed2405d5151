package app.omnia.messaging.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Delete for me: messages one account no longer sees (everyone else still does). */
@Repository
public class HiddenMessages {

    private final JdbcClient jdbc;

    public HiddenMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when it was already hidden. */
    public boolean hide(long accountId, long conversationId, long messageId) {
        return jdbc.sql("""
                INSERT INTO chat_hidden_messages (account_id, message_id, conversation_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """).params(accountId, messageId, conversationId).update() > 0;
    }
}
