-- An edit of a supervised account's published status waits here for its review; the published version stays
-- until a reviewer approves the edit. params is the edit as asked (JSON of the request), applied on approval.
CREATE TABLE status_held_edits (
    id          BIGINT PRIMARY KEY,
    status_id   BIGINT          NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id  BIGINT          NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    params      VARCHAR(200000) NOT NULL,
    state       VARCHAR(16)     NOT NULL,   -- pending, approved, rejected
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX status_held_edits_status ON status_held_edits (status_id, state);

-- Reviews cover edits too: id names the review (the status for a new post, the held edit for an edit),
-- status_id the status it is about.
ALTER TABLE moderation_reviews RENAME COLUMN status_id TO id;
ALTER TABLE moderation_reviews ADD COLUMN status_id BIGINT;
UPDATE moderation_reviews SET status_id = id;
ALTER TABLE moderation_reviews ALTER COLUMN status_id SET NOT NULL;
ALTER TABLE moderation_reviews ADD COLUMN kind VARCHAR(8) DEFAULT 'post' NOT NULL;
CREATE INDEX moderation_reviews_statement ON moderation_reviews (statement_id);
