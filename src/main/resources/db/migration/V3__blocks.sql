-- Blocks: a block removes follows both ways and hides the two accounts from each other everywhere.
CREATE TABLE blocks (
    id                 BIGINT NOT NULL,
    account_id         BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, target_account_id)
);
CREATE INDEX blocks_target ON blocks (target_account_id);
CREATE INDEX blocks_account_id ON blocks (account_id, id);
