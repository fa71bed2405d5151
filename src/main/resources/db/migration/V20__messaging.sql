-- Chat (messaging module). Every table carries the owning account or conversation id first, the key a
-- distributed PostgreSQL (Citus) would shard on.

-- Direct conversations have a pair_key ("lo:hi", plus ":e" when end-to-end encrypted), unique, so that
-- a pair has one plain and one encrypted conversation at most; groups have none (NULLs never collide).
CREATE TABLE chat_conversations (
    id          BIGINT PRIMARY KEY,
    kind        VARCHAR(8)   NOT NULL,          -- direct | group
    title       VARCHAR(100),                   -- groups only
    encrypted   BOOLEAN      NOT NULL,
    pair_key    VARCHAR(48)  UNIQUE,
    created_by  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- state: active, or request (the member has not accepted a conversation started by someone they don't follow).
CREATE TABLE chat_members (
    conversation_id  BIGINT      NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    account_id       BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    member_role      VARCHAR(8)  NOT NULL,      -- owner | admin | member
    state            VARCHAR(8)  NOT NULL,
    last_read_id     BIGINT      NOT NULL DEFAULT 0,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (conversation_id, account_id)
);
CREATE INDEX chat_members_account ON chat_members (account_id, conversation_id);

-- A resend carries the same client_message_id: the unique key turns it into the first message.
CREATE TABLE chat_messages (
    id                 BIGINT PRIMARY KEY,
    conversation_id    BIGINT        NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    sender_id          BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    client_message_id  VARCHAR(64)   NOT NULL,
    body               VARCHAR(20000),          -- plain text, null when encrypted or deleted
    ciphertext         VARCHAR(100000),         -- base64, encrypted conversations only
    reply_to_id        BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at          TIMESTAMP WITH TIME ZONE,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT chat_messages_client_id UNIQUE (sender_id, conversation_id, client_message_id)
);
CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);

-- Every conversation event, rendered once; each member's inbox points at it with their own sequence number.
CREATE TABLE chat_events (
    id               BIGINT PRIMARY KEY,
    conversation_id  BIGINT        NOT NULL,
    event_type       VARCHAR(32)   NOT NULL,
    payload          VARCHAR(200000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per-account sequence numbers, allocated under a row lock so that they grow in commit order.
CREATE TABLE chat_sequences (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    last_seq    BIGINT NOT NULL
);

CREATE TABLE chat_inbox (
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    event_id    BIGINT NOT NULL REFERENCES chat_events (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, seq)
);

-- Who may start a conversation with the account: everyone (default when no row), followed, nobody.
CREATE TABLE chat_settings (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    allow_from   VARCHAR(10) NOT NULL
);
