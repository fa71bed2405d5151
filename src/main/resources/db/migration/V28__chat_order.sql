-- Conversations listed by last activity: the id of the newest message, or the conversation's own id until
-- one is sent. Both come from the same time-sorted id generator, and no two conversations share one, so the
-- column orders conversations by time and pages them without ties.
ALTER TABLE chat_conversations ADD COLUMN last_activity_id BIGINT;
UPDATE chat_conversations SET last_activity_id = COALESCE(
    (SELECT MAX(m.id) FROM chat_messages m WHERE m.conversation_id = chat_conversations.id), id);
ALTER TABLE chat_conversations ALTER COLUMN last_activity_id SET NOT NULL;
