-- Wallet: debit cards, top-ups and withdrawals through a card network, merchant charges and refunds,
-- limits and freezes (wallet module, the "cards" half; the ledger is V21). Every table carries the owning
-- account id, the key a distributed PostgreSQL (Citus) would shard on.

-- A saved card: only what may be shown (brand, last four digits, expiry) and the network's token.
-- The number and the security code are never stored here.
CREATE TABLE wallet_cards (
    id             BIGINT PRIMARY KEY,
    account_id     BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    network_token  VARCHAR(64)  NOT NULL,
    brand          VARCHAR(16)  NOT NULL,
    last4          VARCHAR(4)   NOT NULL,
    exp_month      INTEGER      NOT NULL,
    exp_year       INTEGER      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wallet_cards_account ON wallet_cards (account_id, id);

-- Top-ups (pull from the card) and withdrawals (push to the card). status moves forward only, each step an
-- atomic UPDATE ... WHERE status = <expected>, so that a job on two server copies acts once.
CREATE TABLE wallet_card_operations (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    card_id       BIGINT       NOT NULL,
    kind          VARCHAR(12)  NOT NULL,        -- topup | withdrawal
    amount        BIGINT       NOT NULL CHECK (amount > 0),
    asset         VARCHAR(12)  NOT NULL,
    status        VARCHAR(24)  NOT NULL,
    failure_code  VARCHAR(40),
    challenge_id  VARCHAR(40),
    entry_id      BIGINT,                       -- the ledger entry that credited or debited the wallet
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wallet_card_operations_account ON wallet_card_operations (account_id, id);
CREATE INDEX wallet_card_operations_status ON wallet_card_operations (status, id);

-- Accounts allowed to charge others (shops, ticket desks, advertisers, or a person selling), set by staff.
CREATE TABLE wallet_merchants (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    enabled_by   BIGINT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A merchant's request for money, which the payer confirms or declines; refunds never exceed the amount.
CREATE TABLE wallet_charges (
    id               BIGINT PRIMARY KEY,
    payer_id         BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    merchant_id      BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    amount           BIGINT        NOT NULL CHECK (amount > 0),
    refunded_amount  BIGINT        NOT NULL DEFAULT 0,
    asset            VARCHAR(12)   NOT NULL,
    description      VARCHAR(200)  NOT NULL,
    status           VARCHAR(24)   NOT NULL,    -- pending | requires_confirmation | succeeded | declined
    entry_id         BIGINT,                    -- the ledger entry of the payment
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT wallet_charges_refund_bound CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);
CREATE INDEX wallet_charges_payer ON wallet_charges (payer_id, id);
CREATE INDEX wallet_charges_merchant ON wallet_charges (merchant_id, id);

-- idem_key: the merchant's Idempotency-Key, unique per charge (NULLs never collide), written with the entry.
CREATE TABLE wallet_refunds (
    id           BIGINT PRIMARY KEY,
    charge_id    BIGINT        NOT NULL REFERENCES wallet_charges (id) ON DELETE CASCADE,
    merchant_id  BIGINT        NOT NULL,
    amount       BIGINT        NOT NULL CHECK (amount > 0),
    idem_key     VARCHAR(255),
    entry_id     BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wallet_refunds_key UNIQUE (charge_id, idem_key)
);
CREATE INDEX wallet_refunds_charge ON wallet_refunds (charge_id, id);

-- One row per account that has ever moved money out: the freeze flag, and the row locked (FOR UPDATE)
-- while a payment checks its limits, so that two concurrent payments cannot both slip under a cap.
CREATE TABLE wallet_controls (
    account_id     BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    frozen_at      TIMESTAMP WITH TIME ZONE,
    frozen_by      BIGINT,
    frozen_reason  VARCHAR(500)
);

-- Money sent out (P2P sends, withdrawals, charges), summed per day and month for the limits.
-- A reversed withdrawal removes its row.
CREATE TABLE wallet_outgoing (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    asset       VARCHAR(12)  NOT NULL,
    amount      BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,      -- transfer | withdrawal | charge
    ref_id      BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT wallet_outgoing_ref UNIQUE (kind, ref_id)
);
CREATE INDEX wallet_outgoing_account ON wallet_outgoing (account_id, asset, created_at);

-- Payments above the second-confirmation threshold wait here until their payer confirms them again.
CREATE TABLE wallet_confirmations (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        VARCHAR(16)   NOT NULL,     -- transfer | withdrawal | charge
    payload     VARCHAR(2000) NOT NULL,     -- what to do once confirmed (ids and amounts, no secrets)
    amount      BIGINT        NOT NULL,
    asset       VARCHAR(12)   NOT NULL,
    status      VARCHAR(12)   NOT NULL,     -- pending | confirmed | cancelled
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wallet_confirmations_account ON wallet_confirmations (account_id, id);

-- The sandbox card network's own records: what a real network keeps on its side. The vault holds card
-- numbers sealed with the server's secret key (AES-GCM); security codes are checked and dropped.
CREATE TABLE wallet_sandbox_vault (
    token          VARCHAR(64)  PRIMARY KEY,
    sealed_number  VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE wallet_sandbox_transactions (
    reference           VARCHAR(64)  PRIMARY KEY,   -- the platform's operation id
    token               VARCHAR(64)  NOT NULL,
    direction           VARCHAR(4)   NOT NULL,      -- pull | push
    amount              BIGINT       NOT NULL,
    asset               VARCHAR(12)  NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    decline_code        VARCHAR(40),
    challenge_id        VARCHAR(40),
    challenge_attempts  INTEGER      NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
