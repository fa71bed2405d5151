-- Mastodon's filters (v2): a titled group of keywords and statuses, applied in some contexts, warning or hiding.
CREATE TABLE filters (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title       VARCHAR(256) NOT NULL,
    contexts    VARCHAR(100) NOT NULL,           -- comma-separated: home,notifications,public,thread,account
    action      VARCHAR(10) NOT NULL,            -- warn | hide
    expires_at  TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX filters_by_account ON filters (account_id, id);

CREATE TABLE filter_keywords (
    id          BIGINT PRIMARY KEY,
    filter_id   BIGINT NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL,
    keyword     VARCHAR(256) NOT NULL,
    whole_word  BOOLEAN NOT NULL
);
CREATE INDEX filter_keywords_by_filter ON filter_keywords (filter_id, id);

CREATE TABLE filter_statuses (
    id          BIGINT PRIMARY KEY,
    filter_id   BIGINT NOT NULL REFERENCES filters (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL,
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    CONSTRAINT filter_statuses_once UNIQUE (filter_id, status_id)
);
