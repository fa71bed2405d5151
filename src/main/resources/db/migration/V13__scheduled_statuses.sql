-- Scheduled statuses: the request as sent (JSON), published by a job once scheduled_at has passed.
CREATE TABLE scheduled_statuses (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    application_id  BIGINT,
    scheduled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    params          VARCHAR(200000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX scheduled_statuses_due ON scheduled_statuses (scheduled_at);
CREATE INDEX scheduled_statuses_account ON scheduled_statuses (account_id, id);
