-- Mutes: the muted account's posts leave the muter's timelines (and, if chosen, its notifications), for a
-- while or for good; nothing is told to the muted account.
CREATE TABLE mutes (
    id                 BIGINT  NOT NULL,
    account_id         BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    hide_notifications BOOLEAN NOT NULL,
    expires_at         TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, target_account_id)
);
CREATE INDEX mutes_account_id ON mutes (account_id, id);
