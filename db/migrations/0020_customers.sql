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

-- The customer list (db/queries/customerList.ts) reads a page's rowids from indexes alone: at 1,000,000
-- customers a table row costs ~2 µs to fetch and an index entry ~50 ns to test (docs/BENCHMARKS.md).
-- One index per sortable column, in the list's order: (sort column, customer_id — the tie-break — then every
-- filtered column, the occupation, birth date and deposit balance of the bands included). A filtered page
-- walks it testing the filters on its entries, never on table rows (a row fetch per entry made an age band
-- sorted by name 270 ms deep in the list at 100,000 customers).
CREATE INDEX customers_list_customer ON customers (customer_id, area_type, town, village, manager_id, name, occupation, birth_date, deposit_balance_fen);
CREATE INDEX customers_list_name ON customers (name, customer_id, area_type, town, village, manager_id, occupation, birth_date, deposit_balance_fen);
CREATE INDEX customers_list_birth ON customers (birth_date, customer_id, area_type, town, village, manager_id, name, occupation, deposit_balance_fen);
CREATE INDEX customers_list_deposit ON customers (deposit_balance_fen, customer_id, area_type, town, village, manager_id, name, occupation, birth_date);
CREATE INDEX customers_list_loan ON customers (loan_balance_fen, customer_id, area_type, town, village, manager_id, name, occupation, birth_date, deposit_balance_fen);
CREATE INDEX customers_list_since ON customers (customer_since, customer_id, area_type, town, village, manager_id, name, occupation, birth_date, deposit_balance_fen);
-- One per equality filter, beginning (filter, deposit_balance_fen, customer_id): the default order (deposit
-- balance) comes straight off it, it counts the filter, and it finds a small set (one manager's few hundred
-- customers) without walking a sort index. Each carries the other filtered columns, so that combined
-- filters (a surname among urban customers) are tested on index entries too; the area index only the name,
-- since with a town, village or manager SQLite prefers their smaller ranges, and it also counts areas.
CREATE INDEX customers_area ON customers (area_type, deposit_balance_fen, customer_id, name);
CREATE INDEX customers_town ON customers (town, deposit_balance_fen, customer_id, area_type, village, manager_id, name);
CREATE INDEX customers_village ON customers (village, deposit_balance_fen, customer_id, area_type, town, manager_id, name);
CREATE INDEX customers_manager ON customers (manager_id, deposit_balance_fen, customer_id, area_type, town, village, name);
CREATE INDEX customers_occupation ON customers (occupation, deposit_balance_fen, customer_id, area_type, town, village, manager_id, name, birth_date);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_id_number ON customers (id_number);
