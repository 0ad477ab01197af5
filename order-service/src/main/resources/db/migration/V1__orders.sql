-- An order placed by a signed-in customer. Amounts are integer minor units of `currency`; lines are priced from the
-- published catalog at checkout, never from the client or the cart.
CREATE TABLE customer_order (
    id                uuid         PRIMARY KEY,
    customer_id       uuid         NOT NULL,
    cart_id           uuid         NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('PLACED', 'CANCELLED', 'PAID', 'SHIPPED')),
    currency          varchar(3)   NOT NULL,
    total_minor       bigint       NOT NULL CHECK (total_minor >= 0),
    item_count        integer      NOT NULL CHECK (item_count > 0),
    ship_name         varchar(200) NOT NULL,
    ship_line1        varchar(200) NOT NULL,
    ship_line2        varchar(200),
    ship_city         varchar(100) NOT NULL,
    ship_postal_code  varchar(20)  NOT NULL,
    ship_country      varchar(2)   NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

-- Purchase history: a customer's orders, newest first, keyset-paged on (created_at, id).
CREATE INDEX customer_order_history_idx ON customer_order (customer_id, created_at DESC, id DESC);

CREATE TABLE order_line (
    order_id     uuid         NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no      integer      NOT NULL,
    sku          varchar(64)  NOT NULL,
    name         varchar(300) NOT NULL,
    quantity     integer      NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price   bigint       NOT NULL CHECK (unit_price >= 0),
    line_total   bigint       NOT NULL CHECK (line_total >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- Idempotency keys, scoped per customer. The primary key is what makes concurrent duplicates collapse into one
-- order: the second INSERT waits for the first transaction and then finds its row. Kept at least 24 h (purge job).
CREATE TABLE idempotency_key (
    customer_id      uuid         NOT NULL,
    idem_key         varchar(255) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    -- Deferred: the key row is inserted first (it is the lock), its order in the same transaction right after.
    order_id         uuid         NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    response_status  integer      NOT NULL,
    response_body    text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (customer_id, idem_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- Work that must follow an order's commit (clearing the cart), written in the same transaction and delivered by the
-- relay until it succeeds. The shopper's access token is kept only until delivery or its expiry (at most 15 min).
CREATE TABLE outbox (
    id                uuid          PRIMARY KEY,
    order_id          uuid          NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    customer_id       uuid          NOT NULL,
    cart_id           uuid          NOT NULL,
    state             varchar(16)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'EXPIRED')),
    bearer_token      varchar(4096),
    token_expires_at  timestamptz,
    attempts          integer       NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz   NOT NULL,
    last_error        varchar(500),
    created_at        timestamptz   NOT NULL,
    delivered_at      timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX outbox_customer_expired_idx ON outbox (customer_id) WHERE state = 'EXPIRED';
