-- The W3C traceparent of the checkout that wrote the message (00-<trace id>-<span id>-<flags>, 55 characters): the
-- relay delivers in that trace, so clearing the cart (here and in cart-service, which gets it as traceparent) shows up
-- under the checkout's trace id. Rows written before this column have none; their deliveries start a trace of their own.
ALTER TABLE outbox ADD COLUMN trace_parent varchar(55);
