-- Polls (Mastodon's poll on a status). A poll lives and dies with its status; options keep their order.
-- closed_at marks a poll whose end was handled (voters and author notified): the closing job claims a poll
-- by setting it atomically, so two server copies never notify twice.
CREATE TABLE polls (
    id           BIGINT PRIMARY KEY,
    status_id    BIGINT  NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id   BIGINT  NOT NULL,
    multiple     BOOLEAN NOT NULL DEFAULT FALSE,
    hide_totals  BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX polls_status ON polls (status_id);
-- The closing job's query: polls not yet handled, by end time.
CREATE INDEX polls_open_by_expiry ON polls (closed_at, expires_at);

CREATE TABLE poll_options (
    poll_id       BIGINT       NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    option_index  INTEGER      NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (poll_id, option_index)
);

-- One row per person who voted: its primary key is what makes "vote once" hold under concurrent requests.
CREATE TABLE poll_voters (
    poll_id     BIGINT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (poll_id, account_id)
);

-- One row per chosen option (several for a multiple-choice poll), never the same option twice.
CREATE TABLE poll_votes (
    id          BIGINT  PRIMARY KEY,
    poll_id     BIGINT  NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
    account_id  BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    choice      INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX poll_votes_once ON poll_votes (poll_id, account_id, choice);

-- Edit history keeps the poll's options as they were in each version (Mastodon's StatusEdit.poll).
CREATE TABLE status_edit_poll_options (
    edit_id       BIGINT       NOT NULL REFERENCES status_edits (id) ON DELETE CASCADE,
    option_index  INTEGER      NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    PRIMARY KEY (edit_id, option_index)
);
