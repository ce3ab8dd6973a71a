-- The customer list's "product held / not held" filters (db/queries/customerList.ts): a product's open
-- holders read from one index, and one customer's open holding of a product probed in another, both
-- without fetching holdings rows. Each replaces the single-column index it begins with.
CREATE INDEX holdings_product_customer ON holdings (product_id, customer_id, status);
DROP INDEX holdings_product;
CREATE INDEX holdings_customer_product ON holdings (customer_id, product_id, status);
DROP INDEX holdings_customer;
