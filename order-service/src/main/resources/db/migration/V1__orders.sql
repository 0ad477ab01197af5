CREATE TABLE customer_order (
    id          uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL,
    status      text        NOT NULL,
    total_minor bigint      NOT NULL CHECK (total_minor >= 0),
    currency    varchar(3)  NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Purchase history: a customer's orders, newest first.
CREATE INDEX customer_order_history_idx ON customer_order (customer_id, created_at DESC, id DESC);
