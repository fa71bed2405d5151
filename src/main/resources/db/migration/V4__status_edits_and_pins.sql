-- Edit history: every version of an edited status, the original first. Pins: at most 5 per account.
CREATE TABLE status_edits (
    id            BIGINT PRIMARY KEY,
    status_id     BIGINT         NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    account_id    BIGINT         NOT NULL,
    text          VARCHAR(100000) NOT NULL,
    content       VARCHAR(400000) NOT NULL,
    spoiler_text  VARCHAR(1000)  NOT NULL,
    sensitive     BOOLEAN        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX status_edits_status ON status_edits (status_id, id);

CREATE TABLE status_pins (
    id          BIGINT NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    status_id   BIGINT NOT NULL REFERENCES statuses (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, status_id)
);
