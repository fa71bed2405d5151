-- Wallet (wallet module): a double-entry ledger. Every movement is an immutable journal entry whose lines
-- sum to zero (debits equal credits); balances are kept in step with the lines in the same transaction.
-- Amounts are BIGINT minor units of the row's asset (ISO 4217: cents for EUR, yen for JPY).

-- One account per user per asset (owner_id set), or one per named system account per asset (system_name
-- set: issuance, suspense, card_settlement, fees...). A user balance never goes below zero: the writer's
-- conditional UPDATE refuses it, and this CHECK is the last line of defence. System accounts may go negative
-- (issuance is negative by exactly the money in circulation).
CREATE TABLE wallet_accounts (
    id           BIGINT PRIMARY KEY,
    owner_id     BIGINT       REFERENCES accounts (id),
    system_name  VARCHAR(32),
    asset        VARCHAR(3)   NOT NULL,
    balance      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wallet_accounts_one_kind CHECK ((owner_id IS NULL AND system_name IS NOT NULL)
                                            OR (owner_id IS NOT NULL AND system_name IS NULL)),
    CONSTRAINT wallet_accounts_user_not_negative CHECK (owner_id IS NULL OR balance >= 0)
);
-- NULLs never collide, so each index constrains only its own kind of account.
CREATE UNIQUE INDEX wallet_accounts_owner_asset ON wallet_accounts (owner_id, asset);
CREATE UNIQUE INDEX wallet_accounts_system_asset ON wallet_accounts (system_name, asset);

-- Journal entries are never updated nor deleted: a correction is a new entry. payer_id / payee_id are the
-- user accounts on either side (null for a system side), kept for receipts, history and authorisation.
CREATE TABLE wallet_entries (
    id            BIGINT PRIMARY KEY,
    kind          VARCHAR(32)   NOT NULL,        -- transfer | adjustment | (cards: top_up, withdrawal...)
    asset         VARCHAR(3)    NOT NULL,
    amount        BIGINT        NOT NULL,        -- the sum of the credit lines (= the sum of the debits)
    payer_id      BIGINT,
    payee_id      BIGINT,
    initiator_id  BIGINT,                        -- who asked: the payer, or the admin of an adjustment
    note          VARCHAR(500)  NOT NULL DEFAULT '',
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wallet_entries_payer ON wallet_entries (payer_id, id);
CREATE INDEX wallet_entries_payee ON wallet_entries (payee_id, id);

-- Signed amounts: negative lines debit (money leaves the account), positive lines credit.
CREATE TABLE wallet_lines (
    entry_id    BIGINT   NOT NULL REFERENCES wallet_entries (id),
    line_no     INT      NOT NULL,
    account_id  BIGINT   NOT NULL REFERENCES wallet_accounts (id),
    amount      BIGINT   NOT NULL,
    PRIMARY KEY (entry_id, line_no),
    CONSTRAINT wallet_lines_not_zero CHECK (amount <> 0)
);
CREATE INDEX wallet_lines_account ON wallet_lines (account_id, entry_id);

-- Money requests: the requester asks the payer; the payer pays (an entry) or declines; the requester may cancel.
CREATE TABLE wallet_money_requests (
    id            BIGINT PRIMARY KEY,
    requester_id  BIGINT        NOT NULL REFERENCES accounts (id),
    payer_id      BIGINT        NOT NULL REFERENCES accounts (id),
    asset         VARCHAR(3)    NOT NULL,
    amount        BIGINT        NOT NULL,
    note          VARCHAR(500)  NOT NULL DEFAULT '',
    state         VARCHAR(10)   NOT NULL,        -- pending | paid | declined | cancelled
    entry_id      BIGINT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wallet_money_requests_payer ON wallet_money_requests (payer_id, state, id);
CREATE INDEX wallet_money_requests_requester ON wallet_money_requests (requester_id, id);

-- Idempotency-Key for money: Stripe replays the first RESPONSE (status and body, a refusal included), so the
-- platform's key table also keeps the response of requests that store one.
ALTER TABLE idempotency_keys ADD COLUMN response_status INT;
ALTER TABLE idempotency_keys ADD COLUMN response_body VARCHAR(20000);
