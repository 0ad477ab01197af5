-- Customer accounts. The email is stored normalised (trimmed, lower case), so the unique index is the duplicate check.
CREATE TABLE account (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    admin         boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT account_email_unique UNIQUE (email),
    CONSTRAINT account_email_normalised CHECK (email = lower(btrim(email)))
);

-- The address book: every query is scoped by account_id, so another account's address is simply not found.
CREATE TABLE address (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    line1       text        NOT NULL,
    line2       text,
    city        text        NOT NULL,
    postal_code text        NOT NULL,
    country     text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    created_at  timestamptz NOT NULL
);
CREATE INDEX address_account_idx ON address (account_id, created_at);

-- Failed sign-ins per key ("account:<email>" or "client:<ip>"), shared by every instance of the service.
-- A key is locked while locked_until is in the future; failures count within a window that restarts when it expires.
CREATE TABLE login_throttle (
    throttle_key      text        PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_started_at);
