-- Every change to a cart (every "add to cart") sets cart.updated_at. While updated_at was indexed, PostgreSQL could
-- not update the row in place (a HOT update): each change wrote a new row version on another page plus an entry in
-- each of the table's indexes, so at the cart benchmark's rate 200 carts grew to 3.4 MB of table and 3.4 MB of index
-- within two minutes, 99,000 dead rows for autovacuum (docs/performance.md, "Carts"). With no index on a column the
-- change sets, it is a HOT update: the new version goes on the same page and the old one is pruned there.
-- The index served only the purge (CartExpiry), once an hour; that statement now reads the table sequentially.
DROP INDEX cart_updated_idx;
-- Room on each page for the next version of its rows, so the first changes after a page fills are HOT as well.
ALTER TABLE cart SET (fillfactor = 90);
