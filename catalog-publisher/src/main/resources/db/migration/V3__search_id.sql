-- A small dense number per product, for the static search index: its postings list these numbers rather than skus,
-- and its per-product shards are cut by ranges of them. Given once, on insert, and never reused for another sku.
CREATE SEQUENCE product_search_id_seq;

ALTER TABLE product ADD COLUMN search_id bigint;

UPDATE product p
SET search_id = n.id
FROM (SELECT sku, row_number() OVER (ORDER BY sku) AS id FROM product) n
WHERE p.sku = n.sku;

SELECT setval('product_search_id_seq', COALESCE((SELECT max(search_id) FROM product), 0) + 1, false);

ALTER TABLE product
    ALTER COLUMN search_id SET DEFAULT nextval('product_search_id_seq'),
    ALTER COLUMN search_id SET NOT NULL,
    ADD CONSTRAINT product_search_id_unique UNIQUE (search_id);

ALTER SEQUENCE product_search_id_seq OWNED BY product.search_id;
