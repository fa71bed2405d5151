-- Uploads waiting for a scheduled status are kept from the purge of abandoned uploads until it is posted
-- or cancelled (then the link is cleared and the usual 24 hours apply).
ALTER TABLE media_attachments ADD COLUMN scheduled_status_id BIGINT REFERENCES scheduled_statuses (id) ON DELETE SET NULL;
CREATE INDEX media_attachments_scheduled ON media_attachments (scheduled_status_id);
