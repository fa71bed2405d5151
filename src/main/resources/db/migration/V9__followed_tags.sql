-- Hashtags an account follows: their public posts join its home timeline.
CREATE TABLE followed_tags (
    id          BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    tag         VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, tag)
);
CREATE INDEX followed_tags_account_id ON followed_tags (account_id, id);
