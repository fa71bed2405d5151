-- Every post asks for the author's followers who rang the bell (notify = TRUE), usually none: without this index
-- the database visits each of the author's follow rows to find out (thousands of rows for a popular author).
CREATE INDEX follows_notify ON follows (target_account_id, notify);
