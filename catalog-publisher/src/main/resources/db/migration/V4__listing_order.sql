-- The listing's order (name, then sku, by code point: the "C" collation, which the publisher sorts by too), so that a
-- product change finds a product's place in its category and reads the few products around it along this index
-- instead of reading the whole category.
CREATE INDEX product_listing ON product (category, name COLLATE "C", sku COLLATE "C") WHERE active;
DROP INDEX product_category_name;
