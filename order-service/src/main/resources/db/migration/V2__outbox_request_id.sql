-- The id of the checkout request that wrote the message: the relay delivers under it, so clearing the cart (here and
-- in cart-service, which gets it as X-Request-Id) shows up in the logs under the checkout's id.
ALTER TABLE outbox ADD COLUMN request_id varchar(128);
