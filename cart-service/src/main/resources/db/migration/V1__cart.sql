-- A cart is either anonymous (token_hash: SHA-256 of its secret token) or owned by a signed-in customer (owner_id).
CREATE TABLE cart (
    id          uuid        PRIMARY KEY,
    owner_id    uuid,
    token_hash  bytea,
    version     bigint      NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT cart_has_holder CHECK (owner_id IS NOT NULL OR token_hash IS NOT NULL)
);

-- One current cart per signed-in shopper; concurrent "give me my cart" calls converge on it.
CREATE UNIQUE INDEX cart_owner_uq ON cart (owner_id) WHERE owner_id IS NOT NULL;
-- The purge job deletes by idle time.
CREATE INDEX cart_updated_idx ON cart (updated_at);

-- One line per sku. seen_unit_price is the price the shopper last agreed to (when the line was added or its quantity
-- last set); the current price always comes from the published catalog.
CREATE TABLE cart_line (
    id               uuid        PRIMARY KEY,
    cart_id          uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku              varchar(64) NOT NULL,
    quantity         integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    seen_unit_price  bigint      NOT NULL CHECK (seen_unit_price >= 0),
    currency         varchar(3)  NOT NULL,
    name             varchar(300) NOT NULL,
    added_at         timestamptz NOT NULL,
    CONSTRAINT cart_line_sku_uq UNIQUE (cart_id, sku)
);
