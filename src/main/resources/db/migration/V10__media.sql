-- Media attachments (images today). An upload belongs to its account and to no status until a status takes
-- it; unattached uploads older than a day are purged. status_id cascades: deleting a status deletes its
-- attachments' rows (the service removes their files after commit), so no row outlives its status.
CREATE TABLE media_attachments (
    id                 BIGINT PRIMARY KEY,
    account_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id          BIGINT        REFERENCES statuses (id) ON DELETE CASCADE,
    -- Place on the status (0-3); NULL while unattached, and when an edit took it off (kept for the history).
    status_position    INTEGER,
    kind               VARCHAR(16)   NOT NULL,
    file_name          VARCHAR(80)   NOT NULL,
    preview_file_name  VARCHAR(80)   NOT NULL,
    content_type       VARCHAR(40)   NOT NULL,
    width              INTEGER       NOT NULL,
    height             INTEGER       NOT NULL,
    preview_width      INTEGER       NOT NULL,
    preview_height     INTEGER       NOT NULL,
    file_size          BIGINT        NOT NULL,
    blurhash           VARCHAR(100),
    description        VARCHAR(1500),
    focus_x            DOUBLE PRECISION,
    focus_y            DOUBLE PRECISION,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_attachments_status ON media_attachments (status_id);
CREATE INDEX media_attachments_account_id ON media_attachments (account_id, id);
CREATE INDEX media_attachments_created ON media_attachments (created_at);

-- Each version in an edit history remembers which attachments it showed, in order (comma-separated ids).
ALTER TABLE status_edits ADD COLUMN media_attachment_ids VARCHAR(100);
