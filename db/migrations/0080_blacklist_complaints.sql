-- The bank's blacklist (黑名单) and customer complaints (投诉), as core banking exports them, for veto
-- screening: a customer on the blacklist, or with a recent complaint, is kept out of marketing.
-- Dates are checked with `date(x) IS x`, not `=`: date() of unparseable text is NULL, and a NULL check passes.
CREATE TABLE blacklist (
  customer_id  TEXT PRIMARY KEY REFERENCES customers (customer_id) ON DELETE CASCADE,
  listed_on    TEXT NOT NULL CHECK (date(listed_on) IS listed_on),
  reason       TEXT NOT NULL,
  source       TEXT,                                   -- who listed the customer (head office, credit bureau, …)
  -- A lifted entry stays on record but no longer counts.
  lifted_on    TEXT CHECK (lifted_on IS NULL OR (date(lifted_on) IS lifted_on AND lifted_on >= listed_on))
) STRICT, WITHOUT ROWID;

CREATE TABLE complaints (
  complaint_id  TEXT PRIMARY KEY,
  customer_id   TEXT NOT NULL REFERENCES customers (customer_id) ON DELETE CASCADE,
  received_on   TEXT NOT NULL CHECK (date(received_on) IS received_on),
  channel       TEXT NOT NULL CHECK (channel IN ('branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent')),
  category      TEXT NOT NULL CHECK (category IN ('service', 'fees', 'product', 'staff', 'other')),
  summary       TEXT NOT NULL,
  resolved_on   TEXT CHECK (resolved_on IS NULL OR (date(resolved_on) IS resolved_on AND resolved_on >= received_on))
) STRICT;
-- The card lists a customer's complaints newest first; veto screening asks for the latest one.
CREATE INDEX complaints_customer ON complaints (customer_id, received_on);
