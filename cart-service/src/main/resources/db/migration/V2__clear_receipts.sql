-- One row per order whose checkout emptied the cart. order-service's outbox delivers a clear at least once: an
-- instance that dies after the clear but before marking it delivered leaves it due, and another instance sends it
-- again. The receipt turns that second delivery into a no-op, so lines the shopper added after the first are kept.
-- Receipts go with their cart, and are purged after a day (order-service stops retrying within 15 minutes).
CREATE TABLE cart_clear (
    order_id    uuid        PRIMARY KEY,
    cart_id     uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    cleared_at  timestamptz NOT NULL
);
CREATE INDEX cart_clear_cart_idx ON cart_clear (cart_id);
CREATE INDEX cart_clear_cleared_idx ON cart_clear (cleared_at);
