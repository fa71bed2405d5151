-- Chat, continued: attachments, reactions, delete for me, receipts, mute and archive, group avatars and
-- invite links, device key bundles for end-to-end encryption. Valid on H2 and PostgreSQL.

-- Chat images, uploaded through the chat API and processed by the platform's ImageProcessor. An upload is
-- free (conversation_id NULL) until one message takes it (message_id set) or a group shows it as its
-- avatar (conversation_id set, message_id NULL); free uploads are purged after a day.
CREATE TABLE chat_media (
    id                 BIGINT PRIMARY KEY,
    account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    conversation_id    BIGINT        REFERENCES chat_conversations (id) ON DELETE CASCADE,
    message_id         BIGINT        REFERENCES chat_messages (id) ON DELETE CASCADE,
    position           INTEGER,
    file_name          VARCHAR(80)   NOT NULL,
    preview_file_name  VARCHAR(80)   NOT NULL,
    content_type       VARCHAR(40)   NOT NULL,
    width              INTEGER       NOT NULL,
    height             INTEGER       NOT NULL,
    preview_width      INTEGER       NOT NULL,
    preview_height     INTEGER       NOT NULL,
    file_size          BIGINT        NOT NULL,
    blurhash           VARCHAR(100),
    description        VARCHAR(1500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_media_message ON chat_media (message_id, position);
CREATE INDEX chat_media_free ON chat_media (created_at);

ALTER TABLE chat_conversations ADD COLUMN avatar_media_id BIGINT;

-- One row per member per emoji on a message.
CREATE TABLE chat_reactions (
    message_id       BIGINT       NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
    account_id       BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    emoji            VARCHAR(32)  NOT NULL,
    conversation_id  BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, account_id, emoji)
);

-- Delete for me: the message stays for everyone else.
CREATE TABLE chat_hidden_messages (
    account_id       BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id       BIGINT NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
    conversation_id  BIGINT NOT NULL,
    PRIMARY KEY (account_id, message_id)
);

-- Per member: how far its devices have received messages, and its own mute and archive flags.
ALTER TABLE chat_members ADD COLUMN last_delivered_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chat_members ADD COLUMN muted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE chat_members ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;

-- Read receipts off: the account's delivered/read positions are not shown, and it sees nobody else's.
ALTER TABLE chat_settings ADD COLUMN receipts BOOLEAN NOT NULL DEFAULT TRUE;

-- Inbox entries remember whether the recipient had muted the conversation and whether the entry is worth a
-- push notification, so that sync and the socket say the same.
ALTER TABLE chat_inbox ADD COLUMN muted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE chat_inbox ADD COLUMN push BOOLEAN NOT NULL DEFAULT FALSE;

-- Group invite links: only the SHA-256 of the token is stored (platform Tokens).
CREATE TABLE chat_invites (
    id               BIGINT PRIMARY KEY,
    conversation_id  BIGINT       NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    token_hash       VARCHAR(64)  NOT NULL UNIQUE,
    created_by       BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX chat_invites_conversation ON chat_invites (conversation_id, id);

-- Public key bundles of each device (opaque base64, checked for size only); private keys never come here.
CREATE TABLE chat_devices (
    account_id                BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    device_id                 INTEGER      NOT NULL,
    identity_key              VARCHAR(200) NOT NULL,
    signed_pre_key_id         INTEGER      NOT NULL,
    signed_pre_key            VARCHAR(200) NOT NULL,
    signed_pre_key_signature  VARCHAR(200) NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, device_id)
);

-- One-time pre-keys: each is handed out once, then deleted.
CREATE TABLE chat_one_time_keys (
    account_id  BIGINT       NOT NULL,
    device_id   INTEGER      NOT NULL,
    key_id      INTEGER      NOT NULL,
    public_key  VARCHAR(200) NOT NULL,
    PRIMARY KEY (account_id, device_id, key_id),
    FOREIGN KEY (account_id, device_id) REFERENCES chat_devices (account_id, device_id) ON DELETE CASCADE
);
