-- The images of a reported chat message, kept with its copy as evidence: the name of each original file in the
-- media store, in the order the message showed them.
CREATE TABLE report_evidence_media (
    report_id   BIGINT      NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    message_id  BIGINT      NOT NULL,
    position    INTEGER     NOT NULL,
    file_name   VARCHAR(80) NOT NULL,
    PRIMARY KEY (report_id, message_id, position)
);

-- Chat's own mark on an image a report keeps as evidence: deleting its message for everyone drops the row but
-- keeps the original file, which the evidence names.
ALTER TABLE chat_media ADD COLUMN held_as_evidence BOOLEAN DEFAULT FALSE NOT NULL;
