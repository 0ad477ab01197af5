-- Sessions kept alive by rotating refresh tokens. A family is one sign-in (or one password change); each refresh
-- marks the presented token used and adds its successor to the same family. Only the SHA-256 of a token is stored:
-- the token itself (256 random bits) exists only in the client's cookie.
CREATE TABLE session_family (
    id               uuid        PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL,
    -- The absolute end (sign-in + REFRESH_ABSOLUTE_LIFETIME) and the idle end (last refresh + REFRESH_IDLE_LIFETIME,
    -- never past the absolute end).
    expires_at       timestamptz NOT NULL,
    idle_expires_at  timestamptz NOT NULL,
    revoked_at       timestamptz,
    revoked_reason   text CHECK (revoked_reason IN ('signed-out', 'reused', 'password-changed'))
);
CREATE INDEX session_family_account_idx ON session_family (account_id);
CREATE INDEX session_family_idle_idx ON session_family (idle_expires_at);

CREATE TABLE refresh_token (
    token_hash  bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    family_id   uuid        NOT NULL REFERENCES session_family (id) ON DELETE CASCADE,
    issued_at   timestamptz NOT NULL,
    -- Set when the token is exchanged for its successor; presenting it again revokes the whole family.
    used_at     timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
