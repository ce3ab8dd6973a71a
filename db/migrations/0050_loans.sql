-- Loans and their repayment schedule with what was actually paid and when.
-- Dates are checked with `date(x) IS x`, not `=`: date() of unparseable text is NULL, and a NULL check passes.
CREATE TABLE loans (
  loan_id          TEXT PRIMARY KEY,
  customer_id      TEXT NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
  product_id       TEXT NOT NULL REFERENCES products (product_id),
  principal_fen    INTEGER NOT NULL CHECK (principal_fen > 0),
  balance_fen      INTEGER NOT NULL CHECK (balance_fen >= 0),
  rate_bp          INTEGER NOT NULL CHECK (rate_bp >= 0),    -- yearly rate in basis points
  start_date       TEXT NOT NULL CHECK (date(start_date) IS start_date),
  maturity_date    TEXT NOT NULL CHECK (date(maturity_date) IS maturity_date),
  status           TEXT NOT NULL CHECK (status IN ('active', 'repaid', 'overdue', 'defaulted')),
  classification   TEXT NOT NULL DEFAULT 'normal'
                   CHECK (classification IN ('normal', 'special_mention', 'substandard', 'doubtful', 'loss'))
) STRICT;
CREATE INDEX loans_customer ON loans (customer_id);

CREATE TABLE repayments (
  loan_id          TEXT NOT NULL REFERENCES loans (loan_id) ON DELETE CASCADE,
  due_date         TEXT NOT NULL CHECK (date(due_date) IS due_date),
  due_fen          INTEGER NOT NULL CHECK (due_fen >= 0),
  paid_date        TEXT CHECK (paid_date IS NULL OR date(paid_date) IS paid_date),
  paid_fen         INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  days_past_due    INTEGER NOT NULL DEFAULT 0 CHECK (days_past_due >= 0),
  PRIMARY KEY (loan_id, due_date)
) STRICT, WITHOUT ROWID;
