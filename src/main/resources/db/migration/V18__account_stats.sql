-- Profile counters kept up to date in the transaction of each change (as Mastodon's account_stats), so
-- that showing an account never counts rows: a popular account has millions of followers.
CREATE TABLE account_stats (
    account_id       BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    statuses_count   BIGINT NOT NULL DEFAULT 0,
    followers_count  BIGINT NOT NULL DEFAULT 0,
    following_count  BIGINT NOT NULL DEFAULT 0
);
INSERT INTO account_stats (account_id, statuses_count, followers_count, following_count)
SELECT a.id,
       (SELECT COUNT(*) FROM statuses s WHERE s.account_id = a.id),
       (SELECT COUNT(*) FROM follows f WHERE f.target_account_id = a.id),
       (SELECT COUNT(*) FROM follows f WHERE f.account_id = a.id)
FROM accounts a;
