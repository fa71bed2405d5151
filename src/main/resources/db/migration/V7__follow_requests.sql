-- Follow requests to locked accounts, waiting for the account to authorize or reject them.
CREATE TABLE follow_requests (
    id                 BIGINT NOT NULL,
    account_id         BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, target_account_id)
);
CREATE INDEX follow_requests_target ON follow_requests (target_account_id, id);
