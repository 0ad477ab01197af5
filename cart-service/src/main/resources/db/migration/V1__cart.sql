-- A cart is either anonymous (token_hash) or owned by a signed-in customer (owner_id).
CREATE TABLE cart (
    id          uuid        PRIMARY KEY,
    owner_id    uuid,
    token_hash  bytea,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT cart_has_holder CHECK (owner_id IS NOT NULL OR token_hash IS NOT NULL)
);

CREATE INDEX cart_owner_idx ON cart (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX cart_updated_idx ON cart (updated_at);
