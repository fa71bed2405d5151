-- Social: statuses, mentions, tags, favourites, bookmarks, follows; and the platform's idempotency keys.
-- Big tables carry the owning account id for distribution (Citus-ready).

CREATE TABLE statuses (
    id                      BIGINT PRIMARY KEY,
    account_id              BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    text                    VARCHAR(100000) NOT NULL DEFAULT '',   -- the author's source text
    content                 VARCHAR(400000) NOT NULL DEFAULT '',   -- rendered, escaped HTML
    spoiler_text            VARCHAR(1000) NOT NULL DEFAULT '',
    sensitive               BOOLEAN       NOT NULL DEFAULT FALSE,
    visibility              VARCHAR(10)   NOT NULL,
    language                VARCHAR(16),
    in_reply_to_id          BIGINT,
    in_reply_to_account_id  BIGINT,
    reblog_of_id            BIGINT,
    application_id          BIGINT,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at               TIMESTAMP WITH TIME ZONE
);
CREATE INDEX statuses_account ON statuses (account_id, id);
CREATE INDEX statuses_in_reply_to ON statuses (in_reply_to_id);
CREATE INDEX statuses_reblog_of ON statuses (reblog_of_id);
CREATE INDEX statuses_public ON statuses (visibility, id);

CREATE TABLE status_mentions (
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (status_id, account_id)
);
CREATE INDEX status_mentions_account ON status_mentions (account_id, status_id);

CREATE TABLE status_tags (
    status_id  BIGINT       NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    tag        VARCHAR(100) NOT NULL,
    PRIMARY KEY (status_id, tag)
);
CREATE INDEX status_tags_tag ON status_tags (tag, status_id);

CREATE TABLE favourites (
    id          BIGINT NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
CREATE INDEX favourites_status ON favourites (status_id, id);
CREATE INDEX favourites_account_id ON favourites (account_id, id);

CREATE TABLE bookmarks (
    id          BIGINT NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
CREATE INDEX bookmarks_account_id ON bookmarks (account_id, id);

CREATE TABLE follows (
    id                 BIGINT NOT NULL,
    account_id         BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, target_account_id)
);
CREATE INDEX follows_target ON follows (target_account_id, id);
CREATE INDEX follows_account_id ON follows (account_id, id);

-- Idempotency-Key (Stripe's rules): the first request's result is remembered per caller and key.
CREATE TABLE idempotency_keys (
    owner_id      BIGINT       NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    resource_id   BIGINT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
