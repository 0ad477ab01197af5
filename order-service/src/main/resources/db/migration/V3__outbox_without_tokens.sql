-- The outbox no longer holds the shopper's access token: the relay authorises each delivery with a short-lived
-- service token of order-service's own (scope cart:clear, bound to the cart and the order), minted when it calls.
-- Dropping the columns also drops every token still stored. Rows still PENDING at deploy time, written with a token by
-- the previous version, stay PENDING and are delivered like new ones, with a service token. Rows parked as EXPIRED by
-- the previous version (their token expired first) stay parked: clearing them now could empty lines the shopper added
-- since. While the previous version still runs beside this one during a rolling deploy, its INSERTs and its relay's
-- claims name the dropped columns and fail, changing nothing (see order-service's README, "Deploying V3").
ALTER TABLE outbox DROP COLUMN bearer_token, DROP COLUMN token_expires_at;
