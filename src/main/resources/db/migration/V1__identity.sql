-- Identity: accounts, OAuth applications, grants, tokens, web sessions, verifications, audit.
-- Valid on H2 (PostgreSQL mode) and PostgreSQL. Secrets are stored only as SHA-256 hashes.

CREATE TABLE accounts (
    id                  BIGINT PRIMARY KEY,
    username            VARCHAR(30)  NOT NULL,
    username_key        VARCHAR(30)  NOT NULL,          -- lower-cased, for case-insensitive uniqueness
    email               VARCHAR(320) NOT NULL,
    email_key           VARCHAR(320) NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    date_of_birth       DATE         NOT NULL,
    country             VARCHAR(2),
    locale              VARCHAR(16),
    display_name        VARCHAR(30)  NOT NULL DEFAULT '',
    note                VARCHAR(500) NOT NULL DEFAULT '',
    avatar_file         VARCHAR(128),
    header_file         VARCHAR(128),
    locked              BOOLEAN      NOT NULL DEFAULT FALSE,
    bot                 BOOLEAN      NOT NULL DEFAULT FALSE,
    discoverable        BOOLEAN      NOT NULL DEFAULT TRUE,
    role                VARCHAR(16)  NOT NULL DEFAULT 'user',
    approved            BOOLEAN      NOT NULL DEFAULT TRUE,
    registration_reason VARCHAR(1000),
    suspended_at        TIMESTAMP WITH TIME ZONE,
    totp_secret         VARCHAR(255),                    -- sealed with omnia.secret-key, never in clear
    totp_enabled        BOOLEAN      NOT NULL DEFAULT FALSE,
    totp_last_step      BIGINT       NOT NULL DEFAULT 0,      -- a code is accepted once: no replay
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX accounts_username_key ON accounts (username_key);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email_key);

CREATE TABLE account_fields (
    account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    field_name  VARCHAR(255) NOT NULL,
    field_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (account_id, position)
);

-- Kinds are kept apart: identity (a person checked), organisation, government. Never bought.
CREATE TABLE account_verifications (
    account_id  BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        VARCHAR(16) NOT NULL,
    granted_by  BIGINT      NOT NULL,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, kind)
);

CREATE TABLE oauth_applications (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(255)  NOT NULL,
    website             VARCHAR(2000),
    redirect_uris       VARCHAR(4000) NOT NULL,   -- newline-separated
    scopes              VARCHAR(1000) NOT NULL,
    client_id           VARCHAR(64)   NOT NULL,
    client_secret_hash  VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX oauth_applications_client_id ON oauth_applications (client_id);

CREATE TABLE oauth_authorization_codes (
    code_hash               VARCHAR(64)   PRIMARY KEY,
    application_id          BIGINT        NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
    account_id              BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    redirect_uri            VARCHAR(2000) NOT NULL,
    scopes                  VARCHAR(1000) NOT NULL,
    code_challenge          VARCHAR(128),
    code_challenge_method   VARCHAR(8),
    expires_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE oauth_access_tokens (
    id              BIGINT PRIMARY KEY,
    token_hash      VARCHAR(64)   NOT NULL,
    application_id  BIGINT        NOT NULL REFERENCES oauth_applications (id) ON DELETE CASCADE,
    account_id      BIGINT        REFERENCES accounts (id) ON DELETE CASCADE,   -- null: app-only token
    scopes          VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX oauth_access_tokens_hash ON oauth_access_tokens (token_hash);
CREATE INDEX oauth_access_tokens_account ON oauth_access_tokens (account_id);

-- Web sign-in: an opaque cookie whose hash is stored here, so any server copy can check it.
CREATE TABLE web_sessions (
    id            BIGINT PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL,
    account_id    BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    ip            VARCHAR(64),
    user_agent    VARCHAR(512),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX web_sessions_hash ON web_sessions (token_hash);
CREATE INDEX web_sessions_account ON web_sessions (account_id);

CREATE TABLE audit_log (
    id           BIGINT PRIMARY KEY,
    actor_id     BIGINT,
    action       VARCHAR(64)   NOT NULL,
    target_type  VARCHAR(32)   NOT NULL,
    target_id    BIGINT,
    detail       VARCHAR(2000) NOT NULL DEFAULT '',
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
