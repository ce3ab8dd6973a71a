-- The product catalogue and what each customer holds (accounts, cards, subscriptions).
CREATE TABLE products (
  product_id   TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  name_en      TEXT,
  category     TEXT NOT NULL
               CHECK (category IN ('deposit', 'wealth', 'loan', 'card', 'ebanking', 'insurance', 'agri')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Dates are checked with `date(x) IS x`, not `=`: date() of unparseable text is NULL, and a NULL check passes.
CREATE TABLE holdings (
  account_id   TEXT PRIMARY KEY,                -- core-banking account number
  customer_id  TEXT NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
  product_id   TEXT NOT NULL REFERENCES products (product_id),
  opened_on    TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
  closed_on    TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dormant', 'frozen', 'closed')),
  balance_fen  INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX holdings_customer ON holdings (customer_id);
CREATE INDEX holdings_product ON holdings (product_id);
