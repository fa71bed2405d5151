-- Notifications: one per (recipient, type, actor, subject), so that repeating an action notifies once.
CREATE TABLE notifications (
    id               BIGINT PRIMARY KEY,
    account_id       BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    type             VARCHAR(32) NOT NULL,
    from_account_id  BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id        BIGINT      REFERENCES statuses (id) ON DELETE CASCADE,
    subject_id       BIGINT      NOT NULL,          -- the status id, or 0 when there is none
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX notifications_once ON notifications (account_id, type, from_account_id, subject_id);
CREATE INDEX notifications_account_id ON notifications (account_id, id);
