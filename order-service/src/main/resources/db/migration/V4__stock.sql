-- Stock: how many of a sku can still be sold. It lives here, with the orders, because the checkout reserves it in the
-- same local transaction that stores the order (one schema, no lock held across a call to another service). A sku with
-- no row is not tracked: it sells while the catalog lists it, as before this migration. The CHECK is the guarantee that
-- stock never goes negative: a checkout's decrement that would cross it fails, and with it the whole checkout.
CREATE TABLE stock (
    sku         varchar(64)  PRIMARY KEY,
    available   integer      NOT NULL CONSTRAINT stock_never_negative CHECK (available >= 0),
    -- Grows with every change; the storefront applies availability signals in this order and ignores older ones.
    version     bigint       NOT NULL,
    updated_at  timestamptz  NOT NULL
);

-- Who changed a sku's stock by hand, or which cancellation gave it back; reservations are recorded by the order lines.
CREATE TABLE stock_change (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         varchar(64)  NOT NULL,
    reason      varchar(16)  NOT NULL CHECK (reason IN ('SET', 'ADJUSTED', 'CANCELLED')),
    before      integer,
    after       integer      NOT NULL,
    changed_by  uuid         NOT NULL,
    order_id    uuid,
    changed_at  timestamptz  NOT NULL
);
CREATE INDEX stock_change_sku_idx ON stock_change (sku, id DESC);

-- The storefront's copy of "sold out or not", to be sent to catalog-publisher (which republishes the product's pages):
-- written in the transaction that crossed zero, delivered by the relay until catalog-publisher has it. One row per sku,
-- so a newer crossing replaces an undelivered older one and a backlog stays as small as the catalog.
CREATE TABLE availability_signal (
    sku              varchar(64)  PRIMARY KEY,
    sold_out         boolean      NOT NULL,
    version          bigint       NOT NULL,
    state            varchar(16)  NOT NULL CHECK (state IN ('PENDING', 'DELIVERED')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    last_error       varchar(500),
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX availability_signal_due_idx ON availability_signal (next_attempt_at) WHERE state = 'PENDING';
