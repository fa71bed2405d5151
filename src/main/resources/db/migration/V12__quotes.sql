-- Quote posts (Mastodon 4.5): the quoted status, and who may quote a status (public, followers, nobody).
ALTER TABLE statuses ADD COLUMN quoted_status_id BIGINT;
ALTER TABLE statuses ADD COLUMN quote_policy VARCHAR(10) NOT NULL DEFAULT 'public';
CREATE INDEX statuses_quoted ON statuses (quoted_status_id, id);
