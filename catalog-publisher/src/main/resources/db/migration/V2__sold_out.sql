-- Whether order-service has none of the product left to sell, as it last told us, and the stock version it told it
-- at: a delivery applies only over an older version, so redelivered or overtaken ones change nothing.
ALTER TABLE product
    ADD COLUMN sold_out      boolean NOT NULL DEFAULT false,
    ADD COLUMN stock_version bigint  NOT NULL DEFAULT 0;
