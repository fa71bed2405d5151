-- Wallet notices: the newest journal entry paying each person that they have seen (their wallet's "new" badge
-- counts the payments received after it). One row per person who has opened their wallet.
CREATE TABLE wallet_seen (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    entry_id    BIGINT NOT NULL
);
