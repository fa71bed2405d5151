-- Trust & safety. Social owns moderation_marks (what its read paths filter on); the moderation module owns
-- everything else and sets the marks through social's API, so that social never depends on moderation.

-- A mark on a status, a media attachment or an account. States: hidden (held pending review: out of every
-- list, shown with a notice when opened), removed (gone for everyone but its author), limited (out of the
-- public and hashtag timelines and search), sensitive (shown behind a content warning).
CREATE TABLE moderation_marks (
    subject_kind  VARCHAR(16)  NOT NULL,   -- status, media, account
    subject_id    BIGINT       NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_kind, subject_id, state)
);

-- Reports, as Mastodon keeps them, plus Omnia's DSA category and the queue's severity.
CREATE TABLE reports (
    id                         BIGINT PRIMARY KEY,
    account_id                 BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    target_account_id          BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    category                   VARCHAR(16)   NOT NULL,
    illegal_category           VARCHAR(40),
    comment                    VARCHAR(1000) NOT NULL,
    forwarded                  BOOLEAN       NOT NULL,
    rule_ids                   VARCHAR(200)  NOT NULL,
    severity                   INTEGER       NOT NULL,
    assigned_account_id        BIGINT,
    action_taken_by_account_id BIGINT,
    action_taken_at            TIMESTAMP WITH TIME ZONE,
    outcome                    VARCHAR(16),  -- NULL while open; dismissed or actioned
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reports_queue ON reports (action_taken_at, severity, id);
CREATE INDEX reports_account ON reports (account_id, id);
CREATE INDEX reports_target ON reports (target_account_id, id);

-- What a report names: statuses, media attachments, chat messages.
CREATE TABLE report_items (
    report_id  BIGINT      NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    item_kind  VARCHAR(16) NOT NULL,
    item_id    BIGINT      NOT NULL,
    PRIMARY KEY (report_id, item_kind, item_id)
);
CREATE INDEX report_items_item ON report_items (item_kind, item_id);

-- A copy of each reported chat message, taken when reported, so that deleting the message keeps the evidence.
CREATE TABLE report_evidence (
    report_id        BIGINT       NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    message_id       BIGINT       NOT NULL,
    conversation_id  BIGINT       NOT NULL,
    sender_id        BIGINT       NOT NULL,
    text             VARCHAR(20000),
    encrypted        BOOLEAN      NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (report_id, message_id)
);

-- Items held (hidden) automatically; released_at is set when a moderator reviews them. Reports filed before
-- the last review do not count towards holding the item again.
CREATE TABLE moderation_holds (
    item_kind     VARCHAR(16) NOT NULL,
    item_id       BIGINT      NOT NULL,
    account_id    BIGINT      NOT NULL,
    statement_id  BIGINT,
    held_at       TIMESTAMP WITH TIME ZONE,
    released_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (item_kind, item_id)
);

-- Statements of reasons (DSA art. 17), one per decision, shown to the account affected.
CREATE TABLE moderation_statements (
    id                   BIGINT PRIMARY KEY,
    account_id           BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    moderator_id         BIGINT,
    report_id            BIGINT,
    action               VARCHAR(24)   NOT NULL,
    subject_kind         VARCHAR(16)   NOT NULL,
    subject_id           BIGINT        NOT NULL,
    decision_ground      VARCHAR(48)   NOT NULL,
    category             VARCHAR(80),
    legal_ground         VARCHAR(1000) NOT NULL,
    facts                VARCHAR(5000) NOT NULL,
    automated_detection  BOOLEAN       NOT NULL,
    automated_decision   VARCHAR(40)   NOT NULL,
    source_type          VARCHAR(40)   NOT NULL,
    territorial_scope    VARCHAR(200)  NOT NULL,
    content_type         VARCHAR(60)   NOT NULL,
    content_date         TIMESTAMP WITH TIME ZONE,
    ends_at              TIMESTAMP WITH TIME ZONE,
    reversed_at          TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX moderation_statements_account ON moderation_statements (account_id, id);
CREATE INDEX moderation_statements_ends ON moderation_statements (ends_at);

-- Appeals (DSA art. 20): one per statement, decided by a moderator other than the one who acted.
CREATE TABLE moderation_appeals (
    id            BIGINT PRIMARY KEY,
    statement_id  BIGINT        NOT NULL UNIQUE REFERENCES moderation_statements (id) ON DELETE CASCADE,
    account_id    BIGINT        NOT NULL,
    text          VARCHAR(5000) NOT NULL,
    outcome       VARCHAR(16),  -- NULL while pending; upheld or reversed
    decided_by    BIGINT,
    decision_text VARCHAR(5000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX moderation_appeals_pending ON moderation_appeals (outcome, id);
