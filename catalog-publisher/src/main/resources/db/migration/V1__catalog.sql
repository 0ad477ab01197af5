-- The catalog: the source of the static storefront published into S3.
CREATE TABLE category (
    slug        text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0
);

CREATE TABLE product (
    sku          text PRIMARY KEY CHECK (sku ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
    slug         text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  text NOT NULL DEFAULT '',
    price        bigint NOT NULL CHECK (price >= 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    category     text NOT NULL REFERENCES category (slug),
    images       jsonb NOT NULL DEFAULT '[]',
    attributes   jsonb NOT NULL DEFAULT '{}',
    active       boolean NOT NULL DEFAULT true,
    stock_status text NOT NULL CHECK (stock_status IN ('IN_STOCK', 'LOW_STOCK', 'OUT_OF_STOCK')),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX product_category_name ON product (category, name) WHERE active;

-- One row per publish (full or incremental), so any instance can report the last one.
CREATE TABLE publish_run (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('FULL', 'INCREMENTAL')),
    trigger     text NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    succeeded   boolean NOT NULL,
    written     integer NOT NULL,
    unchanged   integer NOT NULL,
    deleted     integer NOT NULL,
    error       text
);
