-- Trust & safety, second part: supervised accounts, trusted flaggers, misuse, disabled logins.

-- Mastodon's "disable": the account stays (its posts too) but nobody can sign in to it until it is enabled.
ALTER TABLE accounts ADD COLUMN login_disabled_at TIMESTAMP WITH TIME ZONE;

-- Accounts whose new posts wait for a named reviewer's approval (pre-moderation).
CREATE TABLE moderation_supervisions (
    account_id  BIGINT        PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    created_by  BIGINT        NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE moderation_supervision_reviewers (
    account_id   BIGINT NOT NULL REFERENCES moderation_supervisions (account_id) ON DELETE CASCADE,
    reviewer_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, reviewer_id)
);
CREATE INDEX moderation_supervision_reviewers_reviewer ON moderation_supervision_reviewers (reviewer_id);

-- Each post of a supervised account, from written to decided. status_created_at is when it was written;
-- decided_at is when it was approved (published) or rejected.
CREATE TABLE moderation_reviews (
    status_id          BIGINT      PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    state              VARCHAR(16) NOT NULL,   -- pending, approved, rejected
    status_created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         BIGINT,
    decided_at         TIMESTAMP WITH TIME ZONE,
    statement_id       BIGINT
);
CREATE INDEX moderation_reviews_account ON moderation_reviews (account_id, status_id);
CREATE INDEX moderation_reviews_state ON moderation_reviews (state, status_id);

-- Trusted flaggers (DSA art. 22): their reports lead the queue and always count fully.
CREATE TABLE moderation_trusted_flaggers (
    account_id  BIGINT        PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    granted_by  BIGINT        NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Accounts that lost the right to report for a while (DSA art. 23), with the statement that told them.
CREATE TABLE moderation_reporting_bans (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    statement_id  BIGINT NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX moderation_reporting_bans_account ON moderation_reporting_bans (account_id, ends_at);

-- Reports carry whether their reporter was a trusted flagger, for the queue and the transparency report.
ALTER TABLE reports ADD COLUMN trusted_flagger BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX reports_created ON reports (created_at);
CREATE INDEX moderation_statements_created ON moderation_statements (created_at);
