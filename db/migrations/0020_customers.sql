-- Customers as core banking knows them, with consent per channel and the assigned manager.
-- deposit_balance_fen and loan_balance_fen are kept equal to the sums over holdings and loans so that
-- the customer list can sort by them through an index.
-- Dates are checked with `date(x) IS x`, not `=`: date() of unparseable text is NULL, and a NULL check passes.
CREATE TABLE customers (
  customer_id          TEXT PRIMARY KEY,        -- core-banking customer number (text: leading zeros)
  branch_id            TEXT NOT NULL REFERENCES branches (branch_id),
  name                 TEXT NOT NULL,
  gender               TEXT CHECK (gender IN ('M', 'F')),
  birth_date           TEXT CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
  id_number            TEXT,                    -- resident ID number (GB 11643), 18 characters
  phone                TEXT,
  occupation           TEXT NOT NULL DEFAULT 'other'
                       CHECK (occupation IN ('farmer', 'business', 'salaried', 'retired', 'student', 'other')),
  area_type            TEXT NOT NULL CHECK (area_type IN ('urban', 'rural')),
  town                 TEXT,
  village              TEXT,
  address              TEXT,
  customer_since       TEXT NOT NULL CHECK (date(customer_since) IS customer_since),
  manager_id           TEXT REFERENCES staff (staff_id),
  consent_marketing    INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
  consent_sms          INTEGER NOT NULL DEFAULT 0 CHECK (consent_sms IN (0, 1)),
  consent_phone        INTEGER NOT NULL DEFAULT 0 CHECK (consent_phone IN (0, 1)),
  consent_visit        INTEGER NOT NULL DEFAULT 0 CHECK (consent_visit IN (0, 1)),
  consent_app          INTEGER NOT NULL DEFAULT 0 CHECK (consent_app IN (0, 1)),
  do_not_contact       INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1)),
  deposit_balance_fen  INTEGER NOT NULL DEFAULT 0,
  loan_balance_fen     INTEGER NOT NULL DEFAULT 0 CHECK (loan_balance_fen >= 0),
  updated_at           TEXT NOT NULL
) STRICT;

-- One index per column the customer list sorts or filters by; customer_id has its primary key.
CREATE INDEX customers_deposit ON customers (deposit_balance_fen);
CREATE INDEX customers_loan ON customers (loan_balance_fen);
CREATE INDEX customers_name ON customers (name);
CREATE INDEX customers_birth ON customers (birth_date);
CREATE INDEX customers_since ON customers (customer_since);
CREATE INDEX customers_area_deposit ON customers (area_type, deposit_balance_fen);
CREATE INDEX customers_town ON customers (town, deposit_balance_fen);
CREATE INDEX customers_village ON customers (village, deposit_balance_fen);
CREATE INDEX customers_manager ON customers (manager_id, deposit_balance_fen);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_id_number ON customers (id_number);
