-- Reply controls (beyond Mastodon): who may reply to a status.
ALTER TABLE statuses ADD COLUMN reply_policy VARCHAR(12) NOT NULL DEFAULT 'everyone';
