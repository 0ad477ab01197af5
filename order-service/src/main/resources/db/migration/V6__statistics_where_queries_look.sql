-- Planner statistics only for the columns a query filters, joins or sorts on. ANALYZE samples up to 30,000 rows of a
-- table and, for every column, sorts the sample to find its common values and histogram (text by collation). At a high
-- order rate PostgreSQL's autovacuum analyzes these four tables again every minute (each time one has grown by a
-- tenth): at least 1.1 s of PostgreSQL CPU within 5-8 s, most of it computing statistics, and the checkout benchmark's
-- p99 rose from about 40 to 70-97 ms in the 10 s windows that held such a round (docs/performance.md, "A tenth round").
-- Statistics of the columns below were never used: no query names them outside SELECT lists and SET clauses.
-- A query that starts to filter, join or sort on one of them needs its statistics back first:
--   ALTER TABLE <table> ALTER COLUMN <column> SET STATISTICS -1;
ALTER TABLE customer_order
    ALTER COLUMN cart_id SET STATISTICS 0,
    ALTER COLUMN currency SET STATISTICS 0,
    ALTER COLUMN total_minor SET STATISTICS 0,
    ALTER COLUMN item_count SET STATISTICS 0,
    ALTER COLUMN ship_name SET STATISTICS 0,
    ALTER COLUMN ship_line1 SET STATISTICS 0,
    ALTER COLUMN ship_line2 SET STATISTICS 0,
    ALTER COLUMN ship_city SET STATISTICS 0,
    ALTER COLUMN ship_postal_code SET STATISTICS 0,
    ALTER COLUMN ship_country SET STATISTICS 0,
    ALTER COLUMN updated_at SET STATISTICS 0;

ALTER TABLE order_line
    ALTER COLUMN sku SET STATISTICS 0,
    ALTER COLUMN name SET STATISTICS 0,
    ALTER COLUMN quantity SET STATISTICS 0,
    ALTER COLUMN unit_price SET STATISTICS 0,
    ALTER COLUMN line_total SET STATISTICS 0;

ALTER TABLE idempotency_key
    ALTER COLUMN request_hash SET STATISTICS 0,
    ALTER COLUMN response_status SET STATISTICS 0,
    ALTER COLUMN response_body SET STATISTICS 0;

ALTER TABLE outbox
    ALTER COLUMN cart_id SET STATISTICS 0,
    ALTER COLUMN attempts SET STATISTICS 0,
    ALTER COLUMN last_error SET STATISTICS 0,
    ALTER COLUMN delivered_at SET STATISTICS 0,
    ALTER COLUMN request_id SET STATISTICS 0,
    ALTER COLUMN trace_parent SET STATISTICS 0;
