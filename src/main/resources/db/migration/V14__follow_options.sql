-- Follow options (Mastodon's follow parameters): show the account's reblogs in home, and ring on new posts.
ALTER TABLE follows ADD COLUMN show_reblogs BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE follows ADD COLUMN notify BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE follow_requests ADD COLUMN show_reblogs BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE follow_requests ADD COLUMN notify BOOLEAN NOT NULL DEFAULT FALSE;
